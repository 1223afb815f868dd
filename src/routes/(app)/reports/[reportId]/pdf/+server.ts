import type { RequestHandler } from './$types';
import { requireReport } from '$lib/server/feedback/access';
import { currentContent } from '$lib/server/feedback/reports';
import { pdfFileName, renderReportPdf } from '$lib/server/feedback/pdf';

export const GET: RequestHandler = async (event) => {
	const { report } = requireReport(event, event.params.reportId);
	const content = currentContent(report);
	const pdf = await renderReportPdf(content, { status: report.status, releasedAt: report.releasedAt });
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${pdfFileName(content)}"`,
			'cache-control': 'private, no-store'
		}
	});
};

import { beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import * as table from '../db/schema';
import { accountYear } from '../test-support/account';
import { useTempFilesDir } from '../test-support/files-dir';
import { messages } from '$lib/i18n';
import { accountFieldKey, canonicalAccount, type AccountDoc, type AccountInput } from '$lib/domain/account';
import { parseAccountSave } from './form';
import { readAccount, saveAccount } from './store';
import { submitAccount } from './submit';

let y: ReturnType<typeof accountYear>;
useTempFilesDir('account-files-');
beforeEach(() => {
	y = accountYear();
});

/** The filled account with the given bands and reasons on its first criteria. */
function assessed(selves: ({ band: number; reason: string } | null)[], text = 'Svar'): AccountDoc {
	const doc = y.filled(text);
	selves.forEach((self, i) => {
		if (self) doc.criteria[i].self = self;
	});
	return doc;
}

describe('saving a self-assessment with the account', () => {
	it('keeps band and reason per criterion, changes and removes them, and keeps each version', () => {
		expect(saveAccount(y.access(), y.contact, 0, assessed([{ band: 4, reason: 'Vi mäter varje månad.' }, { band: 1, reason: '' }]), y.shape)).toMatchObject({ ok: true, version: 1 });
		expect(readAccount(y.access(), y.shape)?.doc.criteria.slice(0, 3).map((c) => c.self)).toEqual([{ band: 4, reason: 'Vi mäter varje månad.' }, { band: 1, reason: '' }, undefined]);
		expect(saveAccount(y.access(), y.colleague, 1, assessed([null, { band: 2, reason: 'Bättre än vi trodde.' }]), y.shape)).toMatchObject({ ok: true, version: 2 });
		expect(readAccount(y.access(), y.shape)?.doc).toEqual(assessed([null, { band: 2, reason: 'Bättre än vi trodde.' }]));
		expect(y.db.select().from(table.accountSelfAssessment).all()).toHaveLength(1);
		const revisions = y.db.select().from(table.accountRevision).all();
		expect((revisions[0].snapshot as AccountDoc).criteria[0].self).toEqual({ band: 4, reason: 'Vi mäter varje månad.' });
	});

	it('keeps a reason written before its band, and the band chosen later beside it', () => {
		const waiting = assessed([{ band: 2, reason: '' }]);
		waiting.criteria[1].self = { band: null, reason: 'Vi vet ännu inte var vi står.' };
		expect(saveAccount(y.access(), y.contact, 0, waiting, y.shape)).toMatchObject({ ok: true, version: 1 });
		expect(readAccount(y.access(), y.shape)?.doc).toEqual(waiting);
		expect(y.db.select({ band: table.accountSelfAssessment.band, reason: table.accountSelfAssessment.reason }).from(table.accountSelfAssessment).all()).toEqual([
			{ band: 2, reason: '' },
			{ band: null, reason: 'Vi vet ännu inte var vi står.' }
		]);
		const banded = assessed([{ band: 2, reason: '' }, { band: 3, reason: 'Vi vet ännu inte var vi står.' }]);
		expect(saveAccount(y.access(), y.contact, 1, banded, y.shape)).toMatchObject({ ok: true, version: 2 });
		expect(readAccount(y.access(), y.shape)?.doc).toEqual(banded);
	});

	it('meets a colleague who changed the same band with a conflict, and overwrites nothing', () => {
		saveAccount(y.access(), y.contact, 0, y.filled(), y.shape);
		expect(saveAccount(y.access(), y.contact, 1, assessed([{ band: 5, reason: 'Vi är en förebild.' }]), y.shape)).toMatchObject({ ok: true, version: 2 });
		const stale = saveAccount(y.access(y.colleague), y.colleague, 1, assessed([{ band: 2, reason: 'Vi har långt kvar.' }]), y.shape);
		expect(stale).toMatchObject({ ok: false, reason: 'conflict', current: { version: 2 } });
		expect(!stale.ok && stale.current?.doc.criteria[0].self).toEqual({ band: 5, reason: 'Vi är en förebild.' });
		expect(readAccount(y.access(), y.shape)?.doc.criteria[0].self).toEqual({ band: 5, reason: 'Vi är en förebild.' });
	});
});

describe('checking a self-assessment as it is sent', () => {
	const sv = messages('sv');
	const parse = (doc: AccountInput) => parseAccountSave({ baseVersion: 0, doc }, sv.accountForm.errors, sv.scoring.errors, 4000, y.shape);
	const withSelf = (self: unknown): AccountInput => {
		const doc: AccountInput = y.filled();
		(doc.criteria[2] as { self?: unknown }).self = self;
		return doc;
	};
	const key = (kind: 'band' | 'reason') => accountFieldKey({ kind, criterionId: y.shape[2].criterionId });

	it('refuses a band the model does not have, at the band, in Swedish', () => {
		for (const band of [6, -1, 1.5, '3']) expect(parse(withSelf({ band, reason: '' }))).toMatchObject({ ok: false, errors: { [key('band')]: expect.stringContaining('sex nivåer') } });
	});

	it('takes a reason written before its band, cleaned, so that the rest of the form goes on saving', () => {
		const out = parse(withSelf({ band: null, reason: 'Vi tycker att vi är bra.  \n' }));
		expect(out.ok && out.data.doc.criteria[2].self).toEqual({ band: null, reason: 'Vi tycker att vi är bra.' });
	});

	it('refuses a reason over 1 000 characters and takes one of exactly 1 000, cleaned', () => {
		expect(parse(withSelf({ band: 3, reason: 'å'.repeat(1001) }))).toEqual({ ok: false, errors: { [key('reason')]: 'Motiveringen är 1\u00a0001 tecken; högst 1\u00a0000 får plats.' } });
		const out = parse(withSelf({ band: 3, reason: `${'å'.repeat(1000)}  \r\n` }));
		expect(out.ok && out.data.doc.criteria[2].self).toEqual({ band: 3, reason: 'å'.repeat(1000) });
	});

	it('takes no band and no reason as no self-assessment at all', () => {
		const out = parse(withSelf({ band: null, reason: ' ' }));
		expect(out.ok && out.data.doc).toEqual(y.filled());
	});
});

describe('the receipt', () => {
	const sha = (doc: AccountDoc) => createHash('sha256').update(canonicalAccount(y.entryId, doc, [])).digest('hex');

	it('is taken over the self-assessment too', () => {
		const doc = assessed([{ band: 4, reason: 'Därför.' }]);
		const out = submitAccount(y.access(), 0, doc, y.shape);
		expect(out.ok && out.receipt.sha256).toBe(sha(doc));
		expect(sha(doc)).not.toBe(sha(y.filled()));
		expect(sha(doc)).not.toBe(sha(assessed([{ band: 3, reason: 'Därför.' }])));
	});

	it('is not given while a reason waits for its band: the criterion is named and nothing is written', () => {
		saveAccount(y.access(), y.contact, 0, y.filled(), y.shape);
		const waiting = assessed([{ band: 4, reason: '' }]);
		waiting.criteria[2].self = { band: null, reason: 'Vi tycker att vi är bra.' };
		expect(submitAccount(y.access(), 1, waiting, y.shape)).toEqual({ ok: false, reason: 'reasonWithoutBand', fields: [{ kind: 'reason', criterionId: y.shape[2].criterionId }] });
		expect(readAccount(y.access(), y.shape)).toMatchObject({ version: 1, status: 'draft', doc: y.filled() });
	});

	it('of an account without one is what it was before there were self-assessments', () => {
		const out = submitAccount(y.access(), 0, y.filled(), y.shape);
		const before = JSON.stringify({
			entry: y.entryId,
			introduction: y.filled().introduction,
			criteria: y.filled().criteria.map((c) => ({ criterion: c.criterionId, answers: c.answers })),
			attachments: []
		});
		expect(out.ok && out.receipt.sha256).toBe(createHash('sha256').update(before).digest('hex'));
	});
});

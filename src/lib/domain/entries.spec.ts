import { describe, expect, it } from 'vitest';
import { PHASES } from './phases';
import { entriesOpen } from './entries';

describe('entries open', () => {
	it('from preparation up to and including consensus, closed from the jury on', () => {
		expect(PHASES.filter(entriesOpen)).toEqual(['preparation', 'registration', 'assessment', 'consensus']);
	});
});

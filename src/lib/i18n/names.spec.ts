import { describe, expect, it } from 'vitest';
import { localName, localised } from './names';

describe('localName', () => {
	const name = { sv: 'Förskola', en: 'Preschool' };

	it('gives the English name in English and the Swedish name in Swedish', () => {
		expect(localName('en', name)).toBe('Preschool');
		expect(localName('sv', name)).toBe('Förskola');
	});

	it('does not fall back to Swedish when the English name is empty', () => {
		expect(localName('en', { sv: 'Förskola', en: '' })).toBe('');
	});
});

describe('localised', () => {
	const criterion = { key: 'dialog', titleSv: 'Dialog', titleEn: 'Dialogue', nameSv: 'Namn', nameEn: 'Name' };

	it('picks the field of the locale by its Sv/En suffix', () => {
		expect(localised('en', criterion, 'title')).toBe('Dialogue');
		expect(localised('sv', criterion, 'title')).toBe('Dialog');
		expect(localised('en', criterion, 'name')).toBe('Name');
		expect(localised('sv', criterion, 'name')).toBe('Namn');
	});

	it('takes the field from its argument, not from the row', () => {
		// @ts-expect-error the row has no classSv/classEn
		localised('sv', criterion, 'class');
	});
});

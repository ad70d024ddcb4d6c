import { describe, expect, it } from 'vitest';
import { licenceKinds, sensitiveStems } from './activities';

describe('sensitive activities in a text', () => {
	it.each([
		['Babysitting am Abend', ['baby']],
		['Haare schneiden für Kinder zu Hause', ['kind']],
		['Ich passe auf Ihr Kind auf', ['kind']],
		['Nachhilfe in Mathe für die 7. Klasse', ['nachhilfe']],
		['Hausaufgabenhilfe für Schülerinnen', ['schüler', 'nachhilfe']],
		['Begleitung zum Arzt: Arztbegleitung', ['begleitung']],
		['Pflege deiner Mutter am Wochenende', ['pflege']],
		['Seniorenbetreuung und Demenz-Café', ['betreuung', 'demenz']],
		['Fahrrad reparieren', []],
		['Pflegeleichte Zimmerpflanzen zu verschenken', []],
		['Rasen mähen', []]
	])('"%s" -> %j', (text, stems) => {
		expect(sensitiveStems(text)).toEqual(stems);
	});
});

describe('licensed work in a text', () => {
	it.each([
		['Neue Steckdosen setzen und Sicherungskasten tauschen', false, ['mains_electrical']],
		['Gastherme warten', false, ['gas']],
		['Gassi gehen mit deinem Hund', false, []],
		['Schornstein kehren', false, ['chimney']],
		['Heilpraktikerin: Akupunktur', false, ['heilkunde']],
		['Ich mache deine Steuererklärung', false, ['tax_advice']],
		['Wohnzimmer streichen, ich bin Maler', false, []],
		['Wohnzimmer streichen, ich bin Maler', true, ['master_trade']],
		['Friseur kommt ins Haus', true, ['master_trade']],
		['Fenster putzen', true, []]
	] as const)('"%s" (commercial %s) -> %j', (text, commercial, kinds) => {
		expect(licenceKinds(text, commercial)).toEqual(kinds);
	});
});

// Demo data for the quarter "Nordstadt": German names as they are common in a mixed city quarter.

export const RESIDENTS: Array<[first: string, last: string]> = [
	['Anna', 'Becker'],
	['Mehmet', 'Yılmaz'],
	['Jonas', 'Hoffmann'],
	['Lena', 'Schulz'],
	['Ewa', 'Kowalska'],
	['Paul', 'Wagner'],
	['Fatma', 'Demir'],
	['Lukas', 'Schmitt'],
	['Marie', 'Keller'],
	['Karl-Heinz', 'Brandt'],
	['Sophie', 'Richter'],
	['Ahmad', 'Haidari'],
	['Gisela', 'Neumann'],
	['Tim', 'Krüger'],
	['Olga', 'Petrenko'],
	['Felix', 'Wolf'],
	['Hannelore', 'Schröder'],
	['Emre', 'Aydın'],
	['Clara', 'Zimmermann'],
	['Niklas', 'Braun'],
	['Ingrid', 'Hartmann'],
	['Daniel', 'Lange'],
	['Aylin', 'Çelik'],
	['Jan', 'Schwarz'],
	['Monika', 'Krause'],
	['Yusuf', 'Öztürk'],
	['Laura', 'Meier'],
	['Dieter', 'Lehmann'],
	['Mia', 'Schmid'],
	['Tobias', 'Köhler'],
	['Agnieszka', 'Nowak'],
	['Ben', 'Fuchs'],
	['Ursula', 'Vogel'],
	['Samira', 'El-Amin'],
	['Moritz', 'Jäger'],
	['Renate', 'Otto'],
	['Nele', 'Sommer'],
	['Heike', 'Sommerfeld'],
	['Rainer', 'Voss'],
	['Giorgos', 'Papadopoulos'],
	['Helga', 'Winkler'],
	['Leon', 'Baumann']
];

export const BUSINESSES: Array<[name: string, localPart: string]> = [
	['Bäckerei Sonnenkorn', 'sonnenkorn'],
	['Fahrradwerkstatt Speiche', 'speiche'],
	['Café Eckbank', 'eckbank'],
	['Näherei Faden & Co.', 'faden'],
	['Elektro Schulte', 'elektro-schulte'],
	['Blumen Grünzeug', 'gruenzeug'],
	['Repair-Café Nordstadt', 'repaircafe'],
	['Lebensmittel Aksoy', 'aksoy']
];

export const MANAGERS: Array<[first: string, last: string, localPart: string]> = [
	['Sabine', 'Albrecht', 'sabine.albrecht'],
	['Murat', 'Kaya', 'murat.kaya'],
	['Katrin', 'Vogt', 'katrin.vogt'],
	['Stefan', 'Roth', 'stefan.roth'],
	['Birgit', 'Haas', 'birgit.haas'],
	['Thomas', 'Berg', 'thomas.berg'],
	['Nina', 'Kraus', 'nina.kraus']
];

export const QUARTERS = [
	{
		id: 'nordstadt',
		name: 'Nordstadt',
		city: 'Hannover',
		description:
			'Gründerzeitviertel zwischen Bahndamm und Stadtpark: viele Familien, Studierende und ältere Nachbar:innen, kleine Läden und Werkstätten.',
		memberApproval: true,
		listingPreModeration: true
	},
	{
		id: 'lindenhof',
		name: 'Lindenhof',
		city: 'Hannover',
		description:
			'Ruhiges Wohnquartier mit Genossenschaftshäusern und einem Nachbarschaftsgarten. Hier ist die Anmeldung ohne Freischaltung möglich.',
		memberApproval: false,
		listingPreModeration: false
	}
];

// German templates of the legal texts, shown until the platform administrator saves a version.
// They name what Quartiermarkt really processes; «[…]» marks what the operator fills in.
// Not legal advice: every template says that the operator must have it checked.
import type { TemplateFacts } from './templates';

const CHECK =
	'> **Vorlage – bitte prüfen.** Dieser Text ist eine Vorlage der Software Quartiermarkt, ' +
	'keine Rechtsberatung. Der Träger muss alle Felder in «[…]» ausfüllen und den Text vor ' +
	'der Veröffentlichung rechtlich prüfen lassen.';

export function impressumDe(): string {
	return `${CHECK}

## Angaben nach § 5 DDG

«[Name des Trägers, z. B. Nachbarschaftsverein Nordstadt e. V.]»
«[Straße und Hausnummer]»
«[Postleitzahl und Ort]»

**Vertreten durch:** «[Vorstand oder Geschäftsführung, mit Namen]»

## Kontakt

E-Mail: «[E-Mail-Adresse]»
Telefon: «[Telefonnummer]»

## Register und Steuer

«[Registergericht und Registernummer, z. B. Amtsgericht Hannover, VR 12345 – oder streichen]»
«[Umsatzsteuer-Identifikationsnummer nach § 27a UStG oder Wirtschafts-Identifikationsnummer – oder
streichen]»
«[Zuständige Aufsichtsbehörde, falls die Tätigkeit einer behördlichen Zulassung bedarf – oder
streichen]»

## Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV

«[Name und Anschrift]»

## Kontaktstelle nach Art. 11 und 12 DSA

Behörden, die EU-Kommission, das Gremium für digitale Dienste und Nutzer:innen erreichen uns
unter «[E-Mail-Adresse der Kontaktstelle]», auf Deutsch oder Englisch.

## Inhalte der Mitglieder

Einträge, Profile und Nachrichten schreiben die Mitglieder selbst. Wer einen rechtswidrigen
Inhalt sieht, meldet ihn bitte an das Quartiersmanagement. Wie oft gemeldet und entschieden
wurde, steht im [Transparenzbericht](/transparenz).

## Verbraucherstreitbeilegung

«[Wir sind nicht bereit und nicht verpflichtet, an Streitbeilegungsverfahren vor einer
Verbraucherschlichtungsstelle teilzunehmen. – oder anpassen]»
`;
}

export function privacyDe(facts: TemplateFacts): string {
	const stripe = facts.cardPayments
		? `
### Kartenzahlung über Stripe

Wenn du einen Tausch in Euro mit Karte bezahlst oder als Betrieb Zahlungen empfängst, verarbeitet
Stripe (Stripe Payments Europe, Ltd., 1 Grand Canal Street Lower, Dublin 2, Irland) die
Zahlungsdaten. Wir übermitteln dafür den Betrag, den Tausch und bei Betrieben die Daten des
Zahlungskontos. Kartennummern sehen und speichern wir nicht; wir speichern die Zahlungs-ID,
den Betrag und den Zahlungsstand. Rechtsgrundlage ist Art. 6 Abs. 1 lit. b DSGVO (Vertrag).
Stripe kann Daten in die USA übermitteln (EU-US Data Privacy Framework und
Standardvertragsklauseln): «[Vertrag zur Auftragsverarbeitung bzw. Stellung von Stripe prüfen]».
`
		: `
### Zahlungen

Kartenzahlungen sind auf dieser Plattform derzeit ausgeschaltet. Euro-Beträge zwischen
Mitgliedern werden bar oder direkt zwischen ihnen bezahlt; wir speichern nur, was beim Tausch
vereinbart und als bezahlt vermerkt wird. «[Wenn Kartenzahlungen eingeschaltet werden, gibt
die Vorlage einen Abschnitt zu Stripe aus.]»
`;
	const mail = facts.mailHost
		? `Wir versenden E-Mails über den Mailserver ${facts.mailHost} von «[Name und Anschrift des
Mail-Anbieters]» (Auftragsverarbeitung nach Art. 28 DSGVO).`
		: 'Wir versenden E-Mails über «[Name und Anschrift des Mail-Anbieters]» ' +
			'(Auftragsverarbeitung nach Art. 28 DSGVO).';
	return `${CHECK}

## Wer ist verantwortlich?

Verantwortlich nach Art. 4 Nr. 7 DSGVO ist «[Name des Trägers]», «[Anschrift]»,
E-Mail «[E-Mail-Adresse]» (siehe [Impressum](/impressum)).
«[Datenschutzbeauftragte:r mit Kontakt – oder: Wir sind nicht verpflichtet, eine:n
Datenschutzbeauftragte:n zu benennen.]»

## Was wir verarbeiten und warum

### Konto und Mitgliedschaft

Name, wie er anderen angezeigt wird, E-Mail-Adresse, Sprache und Passwort (nur als Hash, nie im
Klartext); dein Quartier, ob du als Bewohner:in oder Betrieb mitmachst, seit wann, und – wenn dein
Quartier neue Mitglieder prüft – was du bei der Anmeldung über dich schreibst. Dazu, welche
Fassung der Regeln du wann angenommen hast. Zweck: die Nutzung des Quartiermarkts.
Rechtsgrundlage: Art. 6 Abs. 1 lit. b DSGVO.

### Profil

Was du selbst angibst: Text über dich, Fähigkeiten, Sprachen, ein Foto, deinen Straßenabschnitt,
auf Wunsch Telefonnummer und sichtbare E-Mail-Adresse, ob du im Talentverzeichnis stehen willst.
Fotos rechnen wir beim Hochladen neu und speichern sie **ohne Metadaten** (also ohne Aufnahmeort
und Kamera).

### Ungefährer Ort statt Adresse

Wir fragen nie nach deiner Adresse. Einträge und Profile liegen auf einem Straßenabschnitt; für
Suche und Entfernungen nutzen wir nur ein **Raster von 250 m** und zeigen Entfernungen gerundet
auf 100 m („ca. 300 m“).

### Einträge, Nachrichten, Tausche und Zeitkonto

Deine Einträge (Angebote und Gesuche) mit ihren Änderungen; Nachrichten, die du anderen
Mitgliedern schreibst; Tausche mit ihren Schritten, Dankeschöns und Meldungen. Jede Buchung auf
einem Zeitkonto wird unveränderlich gespeichert, damit die Zeitkonten nachprüfbar bleiben; eine
Korrektur ist eine neue Stornobuchung. Das Quartiersmanagement liest eine Unterhaltung nur, wenn
sie gemeldet wurde oder ein Vermittlungsfall es verlangt; jedes Lesen wird protokolliert.
Rechtsgrundlage: Art. 6 Abs. 1 lit. b DSGVO; für die Moderation Art. 6 Abs. 1 lit. f DSGVO (ein
sicherer Marktplatz) und lit. c (Pflichten nach dem Digital Services Act).

### Angaben von Betrieben

Betriebe geben vor ihrem ersten Angebot Name, Anschrift, E-Mail, Telefon und ggf.
Registernummer an (Art. 30 DSA). Diese Angaben stehen als „Anbieterkennzeichnung“ auf ihrem
Profil. Rechtsgrundlage: Art. 6 Abs. 1 lit. c DSGVO.
${stripe}
### E-Mails

Wir schreiben dir, wenn es nötig ist (Bestätigung deiner Adresse, Passwort, Nachrichten und
Tausche nach deiner Einstellung). ${mail}

## Cookies und Tracking

Wir setzen **keine Tracking-, Statistik- oder Werbe-Cookies** und binden keine Inhalte Dritter
ein (keine Schriften, Karten oder Videos fremder Server). Es gibt nur technisch nötige Cookies
(§ 25 Abs. 2 Nr. 2 TDDDG):

- \`qm_session\`: hält dich angemeldet (bis zur Abmeldung, höchstens 30 Tage nach dem letzten Besuch).
- \`qm_seen\`: sorgt dafür, dass du eine eben gespeicherte Änderung sofort siehst (60 Sekunden).
- \`qm_device\`: merkt, dass sich dieser Browser schon einmal angemeldet hat, damit
  Schutzgrenzen gegen das Erraten von Passwörtern dich nicht treffen (ein Jahr; enthält keinen
  Namen).
- \`PARAGLIDE_LOCALE\`: die Sprache, wenn du sie umschaltest (400 Tage).

Für Schutzgrenzen gegen Missbrauch (z. B. zu viele Anmeldeversuche) speichern wir einen
Hashwert der IP-Adresse, bis das Zeitfenster abläuft (höchstens eine Stunde). Unsere
Server-Protokolle enthalten Zeit, Seite und Ergebnis einer Anfrage, keine IP-Adresse und keine
Namen.

## Wer die Daten sieht

Andere Mitglieder deines Quartiers sehen dein Profil und deine Einträge; ohne Anmeldung sieht
man von Einträgen nur Art, Titel und Kategorie. Das Quartiersmanagement deines Quartiers sieht, was es zur
Freischaltung, Moderation und Vermittlung braucht. Auftragsverarbeiter: «[Hosting-Anbieter mit
Anschrift]», der Mail-Anbieter${facts.cardPayments ? ' und Stripe' : ''}.

## Wie lange wir speichern

- Konto, Mitgliedschaft, Profil und Einträge: bis du dein Konto löschst.
- Benachrichtigungen in der App: ${facts.retention.notificationsDays} Tage.
- Abgeschlossene Gespräche (seit ${facts.retention.conversationsDays} Tagen keine Nachricht, der
  Eintrag dazu ist beendet und keine Meldung dazu offen): ${facts.retention.conversationsDays} Tage
  nach der letzten Nachricht, dann werden alle Nachrichten gelöscht.
- Abgelaufene Anmeldungen (Sitzungen), Einmal-Links aus Mails und Zähler gegen Missbrauch:
  ${facts.retention.expiredDays === 0 ? 'spätestens eine Stunde nach Ablauf' : `${facts.retention.expiredDays} Tage nach Ablauf`}.
- Buchungen des Zeitkontos und Euro-Buchhaltung, soweit Aufbewahrungspflichten bestehen (§ 147 AO:
  bis zu 10 Jahre).
- «[Weitere Fristen eintragen, z. B. Sicherungskopien und das Protokoll des Quartiersmanagements.]»

Unter „Mein Konto“ kannst du alle deine Daten jederzeit herunterladen (Art. 15 und 20 DSGVO).

## Deine Rechte

Du hast das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung (Art. 17),
Einschränkung (Art. 18), Datenübertragbarkeit (Art. 20) und Widerspruch gegen Verarbeitungen
auf Grundlage berechtigter Interessen (Art. 21). Eine Einwilligung kannst du jederzeit für die
Zukunft widerrufen. Du kannst dich bei einer Datenschutz-Aufsichtsbehörde beschweren, z. B.
«[zuständige Landesbehörde]».

Die Angaben bei der Anmeldung brauchen wir, um dir ein Konto zu geben; alles andere ist
freiwillig. Wir entscheiden nichts automatisch über dich (Art. 22 DSGVO): Über Meldungen und
Mitgliedschaften entscheiden Menschen aus dem Quartiersmanagement.
`;
}

export function rulesDe(): string {
	return `${CHECK}

## Nutzungsbedingungen

Der Quartiermarkt wird von «[Name des Trägers]» betrieben (siehe [Impressum](/impressum)). Er
ist ein Marktplatz für Nachbarschaftshilfe und lokale Betriebe: Mitglieder bieten und suchen
Hilfe, tauschen Zeit (Zeitkonto) oder Euro und danken einander.

1. **Mitmachen.** Mitglied wird, wer in einem Quartier wohnt oder dort einen Betrieb führt und
   diese Regeln annimmt. Manche Quartiere prüfen neue Mitglieder. Ein Konto gehört einer Person.
2. **Ehrlich und freundlich.** Schreib, was du wirklich anbietest oder suchst, und begegne anderen
   mit Respekt. Keine Beleidigungen, keine Diskriminierung, keine Belästigung.
3. **Nur Erlaubtes.** Keine rechtswidrigen Angebote oder Inhalte, keine Waffen, Drogen oder
   verschreibungspflichtigen Medikamente, keine Schwarzarbeit. Betriebe bieten nur Waren und
   Leistungen an, die dem geltenden Recht entsprechen, und geben vor dem ersten Angebot ihre
   Anbieterkennzeichnung an.
4. **Zeitkonto.** Eine Stunde ist eine Stunde, gleich welche Tätigkeit. Buchungen lassen sich nicht
   ändern, nur durch eine Stornobuchung ausgleichen. Stunden sind kein Geld und nicht auszahlbar.
5. **Euro.** Wer in Euro abrechnet, schließt den Vertrag direkt mit dem anderen Mitglied; der
   Träger ist nicht Vertragspartei. «[Gewährleistung und Haftung prüfen]»
6. **Moderation.** Das Quartiersmanagement darf Einträge zurückweisen, ausblenden und Mitglieder
   verwarnen oder sperren, wenn sie gegen diese Regeln oder das Recht verstoßen. Es begründet
   seine Entscheidung; du kannst widersprechen. Entscheidungen trifft immer ein Mensch.
7. **Reihenfolge im Marktplatz.** Ergebnisse stehen nach Relevanz zum Suchbegriff, nach Datum
   oder nach Entfernung, wie du es wählst; niemand kann einen besseren Platz kaufen. Was jede
   Reihenfolge genau bedeutet, steht im [Transparenzbericht](/transparenz#reihenfolge).
8. **Änderungen.** Ändern sich diese Regeln wesentlich, fragen wir dich beim nächsten Besuch, ob
   du sie annimmst.
9. **Kündigung.** Du kannst dein Konto jederzeit beenden. «[Kündigung durch den Träger, Fristen]»

«[Weitere Bedingungen des Trägers]»
`;
}

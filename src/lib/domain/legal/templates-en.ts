// English templates of the legal texts (the German ones are the base, templates-de.ts).
import type { TemplateFacts } from './templates';

const CHECK =
	'> **Template – please check.** This text is a template of the Quartiermarkt software, not ' +
	'legal advice. The operator must fill in every field in «[…]» and have the text checked by ' +
	'a lawyer before publishing it.';

export function impressumEn(): string {
	return `${CHECK}

## Information under § 5 DDG (German Digital Services Act)

«[Name of the operator, e.g. Nachbarschaftsverein Nordstadt e. V.]»
«[Street and number]»
«[Postcode and town]»

**Represented by:** «[Board or management, with names]»

## Contact

Email: «[Email address]»
Phone: «[Phone number]»

## Register and tax

«[Register court and number – or delete]»
«[VAT identification number under § 27a UStG or business identification number – or delete]»
«[Competent supervisory authority, if the activity needs an official licence – or delete]»

## Responsible for the content under § 18(2) MStV

«[Name and address]»

## Point of contact under Art. 11 and 12 DSA

Authorities, the EU Commission, the Digital Services Board and users reach us at
«[Email address of the point of contact]», in German or English.

## Content by members

Members write their listings, profiles and messages themselves. If you see illegal content,
please report it to the neighbourhood team. How often reports came in and how they were decided
is in the [transparency report](/transparenz).

## Consumer dispute resolution

«[We are neither willing nor obliged to take part in dispute resolution proceedings before a
consumer arbitration board. – or adapt]»
`;
}

export function privacyEn(facts: TemplateFacts): string {
	const stripe = facts.cardPayments
		? `
### Card payments through Stripe

When you pay for an exchange in euros by card, or receive payments as a local business, Stripe
(Stripe Payments Europe, Ltd., 1 Grand Canal Street Lower, Dublin 2, Ireland) processes the
payment data. We pass on the amount, the exchange and, for businesses, the payout account's
details. We never see or store card numbers; we store the payment id, the amount and the
payment's status. Legal basis: Art. 6(1)(b) GDPR (contract). Stripe may transfer data to the USA
(EU-US Data Privacy Framework and standard contractual clauses): «[check the data processing
agreement or Stripe's role]».
`
		: `
### Payments

Card payments are switched off on this platform. Euro amounts between members are paid in cash
or directly between them; we store only what was agreed in the exchange and marked as paid.
«[When card payments are switched on, the template shows a section on Stripe.]»
`;
	const mail = facts.mailHost
		? `We send emails through the mail server ${facts.mailHost} of «[name and address of the
mail provider]» (processor under Art. 28 GDPR).`
		: 'We send emails through «[name and address of the mail provider]» (processor under ' +
			'Art. 28 GDPR).';
	return `${CHECK}

## Who is responsible?

The controller under Art. 4(7) GDPR is «[Name of the operator]», «[Address]», email
«[Email address]» (see [Impressum](/impressum)).
«[Data protection officer with contact – or: We are not obliged to appoint a data protection
officer.]»

## What we process and why

### Account and membership

The name others see, email address, language and password (only as a hash, never in plain
text); your neighbourhood, whether you take part as a resident or a local business, since when,
and – where your neighbourhood reviews new members – what you wrote about yourself when signing
up. Also which version of the rules you accepted and when. Purpose: using Quartiermarkt. Legal
basis: Art. 6(1)(b) GDPR.

### Profile

What you enter yourself: a text about you, skills, languages, a photo, your street section, if
you like a phone number and a visible email address, whether you want to be in the talent
directory. Photos are re-encoded on upload and stored **without metadata** (no location, no
camera).

### Rough location instead of an address

We never ask for your address. Listings and profiles are placed on a street section; search and
distances use only a **250 m grid**, and distances are shown rounded to 100 m ("about 300 m").

### Listings, messages, exchanges and time account

Your listings (offers and requests) with their changes; messages you write to other members;
exchanges with their steps, thank-you notes and reports. Every transfer on a time account is
stored unchangeably so that time accounts stay verifiable; a correction is a new reversal. The
neighbourhood team reads a conversation only when it was reported or a mediation case needs it;
every such reading is logged. Legal basis: Art. 6(1)(b) GDPR; for moderation Art. 6(1)(f) (a safe
marketplace) and (c) (duties under the Digital Services Act).

### Details of local businesses

Before their first offer, businesses give their name, address, email, phone and register number
if any (Art. 30 DSA). These details are shown on their profile as "trader details". Legal basis:
Art. 6(1)(c) GDPR.
${stripe}
### Emails

We write to you when needed (confirming your address, passwords, messages and exchanges as you
set it). ${mail}

## Cookies and tracking

We use **no tracking, analytics or advertising cookies** and embed no third-party content (no
fonts, maps or videos from other servers). There are only technically necessary cookies (§ 25(2)
no. 2 TDDDG):

- \`qm_session\`: keeps you signed in (until you sign out, at most 30 days after your last visit).
- \`qm_seen\`: makes sure you see a change you just saved at once (60 seconds).
- \`qm_device\`: remembers that this browser signed in before, so that limits against password
  guessing do not hit you (one year; holds no name).
- \`PARAGLIDE_LOCALE\`: your language, when you switch it (400 days).

For limits against abuse (e.g. too many sign-in attempts) we keep a hash of the IP address until
the time window ends (at most one hour). Our server logs hold the time, page and result of a
request, no IP address and no names.

## Who sees the data

Other members of your neighbourhood see your profile and your listings; without signing in,
people see only the kind, title and category of listings. Your neighbourhood team sees what it
needs to approve members, moderate and mediate. Processors: «[hosting provider with address]»,
the mail provider${facts.cardPayments ? ' and Stripe' : ''}.

## How long we keep data

- Account, membership, profile and listings: until you delete your account.
- Notifications in the app: ${facts.retention.notificationsDays} days.
- Closed conversations (no message for ${facts.retention.conversationsDays} days, the listing
  ended and no report about it open): ${facts.retention.conversationsDays} days after the last
  message, then all messages are deleted.
- Expired sign-ins (sessions), one-time links from mails and counters against abuse:
  ${facts.retention.expiredDays === 0 ? 'at most an hour after they expire' : `${facts.retention.expiredDays} days after they expire`}.
- Time-account transfers and euro bookkeeping as long as the law requires (§ 147 AO: up to 10
  years).
- «[Enter further periods, e.g. backups and the neighbourhood team's audit log.]»

Under "My account" you can download all your data at any time (Art. 15 and 20 GDPR).

## Your rights

You have the right of access (Art. 15 GDPR), rectification (Art. 16), erasure (Art. 17),
restriction (Art. 18), data portability (Art. 20) and to object to processing based on
legitimate interests (Art. 21). You may withdraw consent at any time for the future. You may
complain to a data protection authority, e.g. «[competent state authority]».

We need the details asked at sign-up to give you an account; everything else is voluntary. We
make no automated decisions about you (Art. 22 GDPR): people from the neighbourhood team decide
on reports and memberships.
`;
}

export function rulesEn(): string {
	return `${CHECK}

## Terms of use

Quartiermarkt is run by «[Name of the operator]» (see [Impressum](/impressum)). It is a
marketplace for neighbourly help and local businesses: members offer and ask for help, exchange
time (time account) or euros, and thank each other.

1. **Joining.** Anyone who lives in a neighbourhood or runs a business there and accepts these
   rules may become a member. Some neighbourhoods review new members. One account per person.
2. **Honest and kind.** Write what you really offer or need, and treat others with respect. No
   insults, no discrimination, no harassment.
3. **Only what is lawful.** No illegal offers or content, no weapons, drugs or prescription
   medicines, no undeclared work. Businesses offer only products and services that comply with
   the law, and give their trader details before their first offer.
4. **Time account.** An hour is an hour, whatever the task. Transfers cannot be changed, only
   balanced by a reversal. Hours are not money and cannot be paid out.
5. **Euros.** Whoever settles in euros contracts directly with the other member; the operator is
   not a party to that contract. «[Check warranty and liability]»
6. **Moderation.** The neighbourhood team may reject or hide listings and warn or suspend members
   who break these rules or the law. It gives reasons for its decision; you may contest it.
   Decisions are always made by a person.
7. **Order in the marketplace.** Results are ordered by relevance to the search term, by date or
   by distance, as you choose; nobody can buy a better place. What each order means exactly is
   in the [transparency report](/transparenz#reihenfolge).
8. **Changes.** When these rules change in substance, we ask you on your next visit whether you
   accept them.
9. **Leaving.** You may end your account at any time. «[Termination by the operator, notice
   periods]»

«[Further terms of the operator]»
`;
}

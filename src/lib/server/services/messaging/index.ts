// Messaging (Nachrichten): conversations between two members, unread counts, mails about new
// messages, and the quarter management's read-only view of reported conversations. One file per
// concern:
//
//   read-model.ts          this server's conversations, messages, inboxes and unread totals:
//                          the two logs, the caches, and how they are stored (see its header)
//   start.ts               checking a start request, and opening a conversation with a message
//   send-read.ts           sending a message, and reading a conversation as a participant
//   inbox.ts               a person's conversation list and unread total
//   reports.ts             reporting a conversation, and the management's read-only view
//   mail-notifications.ts  the job that mails about unread messages
//
// Each use-case is a plain function of a `MessagingContext`. `createMessagingService` binds them
// to one context: the app has one (`messaging`, whose functions are exported below); tests make
// several to stand in for several app servers on one database.
import * as inbox from './inbox';
import * as mailNotifications from './mail-notifications';
import * as model from './read-model';
import { createMessagingContext } from './read-model';
import * as reports from './reports';
import * as sendRead from './send-read';
import * as starting from './start';
import { binder } from '../bind';

export type { Conversation, StartProblem } from '../../../domain/messages/conversation';
export type { InboxItem } from './inbox';
export { PAGE_SIZE } from './read-model';
export type { ConversationView, SendProblem } from './send-read';
export type { StartCheck, StartTarget } from './start';

/** One app server's messaging: every use-case bound to one read model. */
export function createMessagingService() {
	const ctx = createMessagingContext();
	const bound = binder(ctx);
	return {
		conversation: bound(model.loadConversation),
		head: bound(model.readHead),
		inbox: bound(model.readInbox),
		forParticipant: bound(model.conversationOfParticipant),
		exists: bound(model.conversationExists),
		checkStart: starting.checkStart,
		start: bound(starting.start),
		send: bound(sendRead.send),
		read: bound(sendRead.read),
		list: bound(inbox.list),
		unreadTotal: bound(inbox.unreadTotal),
		report: bound(reports.report),
		readReported: bound(reports.readReported),
		sendNotifications: bound(mailNotifications.sendNotifications)
	};
}

export type MessagingService = ReturnType<typeof createMessagingService>;

/** This app server's messaging. */
export const messaging = createMessagingService();

export const {
	checkStart,
	exists: conversationExists,
	forParticipant: conversationOfParticipant,
	start: startConversation,
	send: sendMessage,
	read: readConversation,
	list: listConversations,
	unreadTotal,
	report: reportConversation,
	readReported: readReportedConversation,
	sendNotifications: sendMessageNotifications
} = messaging;

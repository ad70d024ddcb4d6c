// The one service style: a use-case is a plain function of a context (`(ctx, ...args)`), and a
// service is those functions bound to one context, so tests can make a second one.
export function binder<C>(ctx: C) {
	return <A extends unknown[], R>(use: (ctx: C, ...args: A) => R) =>
		(...args: A): R =>
			use(ctx, ...args);
}

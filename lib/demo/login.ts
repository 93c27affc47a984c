/** The demo team's owner account; its password is published (README, sign-in page in development). */
export const DEMO_LOGIN = { email: "demo@cairn.test", password: "cairn-demo-roadmap" } as const;

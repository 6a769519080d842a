/**
 * How `npm start` runs the server: one node process with tsx loaded into it, so that SIGTERM and
 * SIGINT reach the server itself. (tsx's own command relays signals to a second process and kills
 * it when it is slow to acknowledge, as a busy server can be: no clean stop.)
 */
export const START_ARGS = ['--import', 'tsx', '--conditions=react-server', 'scripts/start.ts'];

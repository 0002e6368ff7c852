// Calls of the planning pages through the workspace's helper: the web-session cookie goes with
// them and state-changing calls carry the CSRF token (issue 14's contract).
import { me, call as workspaceCall, toSignIn } from '../api.js';

export { toSignIn };

/** The signed-in account, or null. */
export async function currentAccount() {
  try {
    return (await me()).account ?? null;
  } catch {
    return null;
  }
}

export function call(path, options = {}) {
  return workspaceCall(path, options);
}

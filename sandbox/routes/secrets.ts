import { checkJson } from '../json-fields';
import { REDACTED } from '../secrets';
import { route, type RouteContext } from './common';

/**
 * CreateTexmlSecret: a name and a value for the account's TeXML templates; a name already there
 * gets the new value. The answer (201) never carries the value, and the request log masks it.
 */
function create(ctx: RouteContext) {
	const request = checkJson(ctx.json, { name: 'string', value: 'string' }, ['name', 'value']);
	const name = request.name as string;
	ctx.store.secrets.set(ctx.account.sid, name, request.value as string);
	return { status: 201, body: { data: { name, value: REDACTED } } };
}

export const secretRoutes = [route('POST', 'texml/secrets', create, 'json')];

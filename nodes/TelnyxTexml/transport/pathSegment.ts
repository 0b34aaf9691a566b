/**
 * Percent-encodes one path segment the way the official Telnyx SDK does: every character allowed
 * in an RFC 3986 segment (unreserved, sub-delims, ':' and '@') stays literal, everything else is
 * encoded. So `v3:abc` keeps its colon and `a b/c?d#e` cannot leave its segment. Here, below the
 * routing, as the sending core's media download builds a path too.
 */
export function encodePathSegment(value: string): string {
	return value.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@]+/g, encodeURIComponent);
}

import { DOCUMENT_PATH, loadContract, type Contract } from '../support/openapi';

/**
 * `describe` when the document is there; otherwise says so and skips (never a silent pass). CI
 * always lays the document beside the checkout, so there a missing document fails the suite.
 */
export function describeContract(name: string, body: (contract: Contract) => void) {
	const contract = loadContract();
	if (!contract && process.env.CI === 'true') {
		describe(name, () =>
			test('needs the vendor document', () => {
				throw new Error(
					`Telnyx's OpenAPI document is not at ${DOCUMENT_PATH} (CI must provide it).`,
				);
			}),
		);
		return;
	}
	if (!contract) {
		console.warn(
			`Contract suite "${name}" skipped: Telnyx's OpenAPI document is not at ${DOCUMENT_PATH}.`,
		);
		describe.skip(name, () => test('needs the vendor document', () => undefined));
		return;
	}
	describe(name, () => body(contract));
}

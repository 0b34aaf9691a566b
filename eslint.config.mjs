// Both n8n rule sets n8n's verification uses: @n8n/eslint-plugin-community-nodes (recommended)
// and eslint-plugin-n8n-nodes-base (community, credentials, nodes), as @n8n/node-cli sets them up.
import communityNodes from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const nodesBase = (name) => ({
	plugins: { 'n8n-nodes-base': n8nNodesBase },
	rules: n8nNodesBase.configs[name].rules,
});

export default tseslint.config(
	{ ignores: ['dist/**', '.tools/**', '.cache/**', 'node_modules/**', '**/*.js', '**/*.mjs'] },
	{
		files: ['**/*.ts'],
		extends: [tseslint.configs.recommended, communityNodes.configs.recommended],
		languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: 'module' } },
		rules: { 'no-console': 'error' },
	},
	{
		files: ['package.json'],
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
		...communityNodes.configs.recommended,
		plugins: { ...communityNodes.configs.recommended.plugins, 'n8n-nodes-base': n8nNodesBase },
		rules: { ...communityNodes.configs.recommended.rules, ...n8nNodesBase.configs.community.rules },
	},
	{
		files: ['credentials/**/*.ts'],
		...nodesBase('credentials'),
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		...nodesBase('nodes'),
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
);

import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node, __APP_VERSION__: 'readonly' } }
	},
	{
		// TypeScript (svelte-check) already resolves identifiers; no-undef only misfires on types
		files: ['**/*.ts', '**/*.svelte'],
		rules: { 'no-undef': 'off' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig }
		}
	},
	{
		rules: {
			// File and user content must never be rendered as HTML.
			'svelte/no-at-html-tags': 'error',
			'no-restricted-syntax': [
				'error',
				{ selector: "MemberExpression[property.name='innerHTML']", message: 'Never render content as HTML; use text.' },
				{ selector: "MemberExpression[property.name='outerHTML']", message: 'Never render content as HTML; use text.' },
				{ selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Never render content as HTML.' }
			],
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		ignores: ['build/', '.svelte-kit/', 'node_modules/', 'tests/.results/', 'bench/.tmp/', 'docs/*.json']
	}
);

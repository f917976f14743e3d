/**
 * The theme variables VS Code sets on a webview's <html>, a subset of Dark Modern, Light Modern and
 * High Contrast, enough for the panel and vscode-elements to look as they do in the editor.
 */
const common = {
  '--vscode-font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif',
  '--vscode-font-size': '13px',
  '--vscode-font-weight': 'normal',
  '--vscode-editor-font-family': '"Droid Sans Mono", monospace',
};

export const THEMES: Record<'dark' | 'light' | 'high-contrast', Record<string, string>> = {
  dark: {
    ...common,
    '--vscode-foreground': '#cccccc', '--vscode-descriptionForeground': '#9d9d9d', '--vscode-errorForeground': '#f85149',
    '--vscode-sideBar-background': '#181818', '--vscode-editor-background': '#1f1f1f', '--vscode-panel-border': '#2b2b2b',
    '--vscode-focusBorder': '#0078d4', '--vscode-textLink-foreground': '#4daafc', '--vscode-icon-foreground': '#cccccc',
    '--vscode-input-background': '#313131', '--vscode-input-border': '#3c3c3c', '--vscode-input-foreground': '#cccccc',
    '--vscode-input-placeholderForeground': '#989898',
    '--vscode-settings-textInputBackground': '#313131', '--vscode-settings-textInputBorder': '#3c3c3c', '--vscode-settings-textInputForeground': '#cccccc',
    '--vscode-settings-dropdownBackground': '#313131', '--vscode-settings-dropdownBorder': '#3c3c3c', '--vscode-settings-dropdownForeground': '#cccccc',
    '--vscode-settings-dropdownListBorder': '#454545', '--vscode-settings-checkboxBackground': '#313131',
    '--vscode-button-background': '#0078d4', '--vscode-button-foreground': '#ffffff', '--vscode-button-hoverBackground': '#026ec1',
    '--vscode-button-secondaryBackground': '#313131', '--vscode-button-secondaryForeground': '#cccccc', '--vscode-button-secondaryHoverBackground': '#3c3c3c',
    '--vscode-button-border': '#ffffff12',
    '--vscode-inputValidation-infoBackground': '#063b49', '--vscode-inputValidation-infoBorder': '#007acc',
    '--vscode-inputValidation-errorBackground': '#5a1d1d', '--vscode-inputValidation-errorBorder': '#be1100',
    '--vscode-editorWarning-foreground': '#cca700', '--vscode-testing-iconPassed': '#73c991',
    '--vscode-textCodeBlock-background': '#2b2b2b', '--vscode-progressBar-background': '#0078d4',
    '--vscode-list-hoverBackground': '#2a2d2e', '--vscode-list-activeSelectionBackground': '#04395e', '--vscode-list-activeSelectionForeground': '#ffffff',
    '--vscode-list-focusOutline': '#0078d4', '--vscode-list-inactiveSelectionBackground': '#37373d', '--vscode-list-activeSelectionIconForeground': '#ffffff',
    '--vscode-badge-background': '#616161', '--vscode-badge-foreground': '#f8f8f8',
    '--vscode-tree-indentGuidesStroke': '#585858',
  },
  light: {
    ...common,
    '--vscode-foreground': '#3b3b3b', '--vscode-descriptionForeground': '#717171', '--vscode-errorForeground': '#f85149',
    '--vscode-sideBar-background': '#f8f8f8', '--vscode-editor-background': '#ffffff', '--vscode-panel-border': '#e5e5e5',
    '--vscode-focusBorder': '#005fb8', '--vscode-textLink-foreground': '#005fb8', '--vscode-icon-foreground': '#3b3b3b',
    '--vscode-input-background': '#ffffff', '--vscode-input-border': '#cecece', '--vscode-input-foreground': '#3b3b3b',
    '--vscode-input-placeholderForeground': '#767676',
    '--vscode-settings-textInputBackground': '#ffffff', '--vscode-settings-textInputBorder': '#cecece', '--vscode-settings-textInputForeground': '#3b3b3b',
    '--vscode-settings-dropdownBackground': '#ffffff', '--vscode-settings-dropdownBorder': '#cecece', '--vscode-settings-dropdownForeground': '#3b3b3b',
    '--vscode-settings-dropdownListBorder': '#c8c8c8', '--vscode-settings-checkboxBackground': '#f8f8f8',
    '--vscode-button-background': '#005fb8', '--vscode-button-foreground': '#ffffff', '--vscode-button-hoverBackground': '#0258a8',
    '--vscode-button-secondaryBackground': '#e5e5e5', '--vscode-button-secondaryForeground': '#3b3b3b', '--vscode-button-secondaryHoverBackground': '#cccccc',
    '--vscode-button-border': '#0000001a',
    '--vscode-inputValidation-infoBackground': '#d6ecf2', '--vscode-inputValidation-infoBorder': '#007acc',
    '--vscode-inputValidation-errorBackground': '#f2dede', '--vscode-inputValidation-errorBorder': '#be1100',
    '--vscode-editorWarning-foreground': '#bf8803', '--vscode-testing-iconPassed': '#388a34',
    '--vscode-textCodeBlock-background': '#f0f0f0', '--vscode-progressBar-background': '#005fb8',
    '--vscode-list-hoverBackground': '#f2f2f2', '--vscode-list-activeSelectionBackground': '#e8e8e8', '--vscode-list-activeSelectionForeground': '#000000',
    '--vscode-list-focusOutline': '#005fb8', '--vscode-list-inactiveSelectionBackground': '#e4e6f1', '--vscode-list-activeSelectionIconForeground': '#000000',
    '--vscode-badge-background': '#cccccc', '--vscode-badge-foreground': '#3b3b3b',
    '--vscode-tree-indentGuidesStroke': '#a9a9a9',
  },
  'high-contrast': {
    ...common,
    '--vscode-foreground': '#ffffff', '--vscode-descriptionForeground': '#ffffffb3', '--vscode-errorForeground': '#f48771',
    '--vscode-sideBar-background': '#000000', '--vscode-editor-background': '#000000', '--vscode-contrastBorder': '#6fc3df',
    '--vscode-contrastActiveBorder': '#f38518', '--vscode-focusBorder': '#f38518', '--vscode-textLink-foreground': '#21a6ff',
    '--vscode-icon-foreground': '#ffffff', '--vscode-input-background': '#000000', '--vscode-input-border': '#6fc3df', '--vscode-input-foreground': '#ffffff',
    '--vscode-settings-textInputBackground': '#000000', '--vscode-settings-textInputBorder': '#6fc3df', '--vscode-settings-textInputForeground': '#ffffff',
    '--vscode-settings-dropdownBackground': '#000000', '--vscode-settings-dropdownBorder': '#6fc3df', '--vscode-settings-dropdownForeground': '#ffffff',
    '--vscode-settings-dropdownListBorder': '#6fc3df',
    '--vscode-button-background': '#000000', '--vscode-button-foreground': '#ffffff', '--vscode-button-border': '#6fc3df',
    '--vscode-button-secondaryBackground': '#000000', '--vscode-button-secondaryForeground': '#ffffff',
    '--vscode-inputValidation-infoBackground': '#000000', '--vscode-inputValidation-infoBorder': '#6fc3df',
    '--vscode-inputValidation-errorBackground': '#000000', '--vscode-inputValidation-errorBorder': '#f48771',
    '--vscode-editorWarning-foreground': '#ffd370', '--vscode-testing-iconPassed': '#73c991',
    '--vscode-textCodeBlock-background': '#000000', '--vscode-progressBar-background': '#6fc3df',
    '--vscode-list-focusOutline': '#f38518', '--vscode-list-activeSelectionBackground': '#000000', '--vscode-list-activeSelectionForeground': '#ffffff',
    '--vscode-list-inactiveSelectionBackground': '#000000', '--vscode-list-focusAndSelectionOutline': '#f38518', '--vscode-tree-indentGuidesStroke': '#a9a9a9',
  },
};

/** The variables as a style attribute value for <html>. */
export function themeStyle(theme: keyof typeof THEMES): string {
  return Object.entries(THEMES[theme]).map(([k, v]) => `${k}: ${v}`).join('; ');
}

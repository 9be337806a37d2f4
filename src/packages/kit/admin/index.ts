/** The admin half of the kit: plugin registration, data loading, errors and translations. */
export { definePlugin, type PluginDefinition } from './definePlugin';
export { useData, type Loaded } from './useData';
export { errorMessage, useErrorMessage } from './errorMessage';
export { translator, type Translate } from './useT';
export { PagePlaceholder, EmptyBlock, TableHead, TextCells } from './Placeholders';
export { ExportButtons, type ExportButtonsProps } from './ExportButtons';
export { downloadFile } from './download';
export { WrappingTable } from './WrappingTable';
export { ModalError, ModalFooter } from './ModalFooter';
export { useModalForm } from './useModalForm';
export { PageNav, type PageNavTab } from './PageNav';

// The line at the top of an exported table that says where each layer's rows came from, e.g.
// "数据来源：村：villages.xlsx；安置点：示例数据 / sample data；景区：示例数据 / sample data".
//
// Rules relied on:
// - Every layer the table draws on is named, each with its own source: a file that mixes a
//   user's dataset with sample layers says which layers are sample, not that the whole file is.
// - Sample (synthetic) data is always written "示例数据 / sample data", in every UI language.
// - A dataset is named by its name and the file it was imported from; when the name is only the
//   file name without its extension, the file name alone says both.
export const SAMPLE_LABEL = '示例数据 / sample data';

export interface LayerSourceName {
  /** The layer in words, already translated ("村", "Villages"). */
  layer: string;
  /** Undefined when the layer has no data loaded. */
  source?: { kind: 'sample' | 'dataset'; name: string; sourceFile?: string };
}

/** Already translated. */
export interface SourceNoteWords {
  /** Before the list, e.g. "数据来源：". */
  lead: string;
  /** For a layer without data, e.g. "未加载". */
  notLoaded: string;
  /** Between the layer and its source, e.g. "：". */
  colon: string;
  /** Between layers, e.g. "；". */
  separator: string;
}

/** A dataset as a reader finds it again: its name, and its file when that says more. */
export function datasetLabel(name: string, sourceFile?: string): string {
  if (!sourceFile || sourceFile === name) return name;
  const stem = sourceFile.replace(/\.[^.]*$/, '');
  return stem === name ? sourceFile : `${name}（${sourceFile}）`;
}

export function sourceNote(layers: readonly LayerSourceName[], words: SourceNoteWords): string {
  const parts = layers.map(({ layer, source }) => {
    const from = !source
      ? words.notLoaded
      : source.kind === 'sample'
        ? SAMPLE_LABEL
        : datasetLabel(source.name, source.sourceFile);
    return `${layer}${words.colon}${from}`;
  });
  return words.lead + parts.join(words.separator);
}

/** Whether any of the layers is drawn from the sample. */
export const anySample = (layers: readonly LayerSourceName[]) =>
  layers.some(({ source }) => source?.kind === 'sample');

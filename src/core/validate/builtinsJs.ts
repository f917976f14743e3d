/**
 * Names JavaScript and TypeScript code may use without defining them: ECMAScript globals, the
 * Node.js and web platform globals that generated code commonly reaches for (Node for servers
 * and CLIs, the DOM for TSX front ends), CommonJS module variables, test-runner globals, and
 * TypeScript's built-in type names. Lists, not lib.d.ts: complete enough for level 2, while
 * level 4 (the language server) is the authority on types.
 */

const ECMASCRIPT = [
  'globalThis', 'Infinity', 'NaN', 'undefined', 'eval', 'isFinite', 'isNaN', 'parseFloat', 'parseInt',
  'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape', 'unescape', 'arguments',
  'Object', 'Function', 'Array', 'Number', 'Boolean', 'String', 'Symbol', 'BigInt', 'Date', 'RegExp', 'Math', 'JSON',
  'Reflect', 'Proxy', 'Promise', 'Map', 'Set', 'WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry', 'Iterator',
  'Intl', 'Atomics', 'ArrayBuffer', 'SharedArrayBuffer', 'DataView',
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
  'Float16Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
  'Error', 'AggregateError', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError',
  'SuppressedError', 'DisposableStack', 'AsyncDisposableStack',
];

const NODE_AND_WEB = [
  'console', 'process', 'Buffer', 'global', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval',
  'setImmediate', 'clearImmediate', 'queueMicrotask', 'structuredClone', 'atob', 'btoa',
  'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'TextEncoderStream', 'TextDecoderStream',
  'AbortController', 'AbortSignal', 'fetch', 'Request', 'Response', 'Headers', 'FormData', 'Blob', 'File',
  'ReadableStream', 'WritableStream', 'TransformStream', 'CompressionStream', 'DecompressionStream',
  'ByteLengthQueuingStrategy', 'CountQueuingStrategy', 'crypto', 'Crypto', 'CryptoKey', 'SubtleCrypto',
  'performance', 'PerformanceObserver', 'EventTarget', 'Event', 'CustomEvent', 'MessageChannel', 'MessagePort',
  'MessageEvent', 'BroadcastChannel', 'WebAssembly', 'DOMException', 'WebSocket', 'navigator', 'Navigator',
  'require', 'module', 'exports', '__dirname', '__filename',
];

const BROWSER = [
  'window', 'self', 'document', 'location', 'history', 'localStorage', 'sessionStorage', 'indexedDB', 'caches',
  'alert', 'confirm', 'prompt', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback',
  'cancelIdleCallback', 'getComputedStyle', 'matchMedia', 'scrollTo', 'open', 'close', 'postMessage',
  'addEventListener', 'removeEventListener', 'dispatchEvent', 'customElements',
  'Node', 'Element', 'HTMLElement', 'HTMLInputElement', 'HTMLFormElement', 'HTMLButtonElement', 'HTMLDivElement',
  'HTMLCanvasElement', 'HTMLImageElement', 'HTMLAnchorElement', 'HTMLSelectElement', 'HTMLTextAreaElement',
  'SVGElement', 'Document', 'DocumentFragment', 'Window', 'ShadowRoot', 'Text',
  'KeyboardEvent', 'MouseEvent', 'PointerEvent', 'FocusEvent', 'InputEvent', 'SubmitEvent', 'TouchEvent',
  'WheelEvent', 'DragEvent', 'ClipboardEvent', 'ErrorEvent', 'ProgressEvent', 'StorageEvent', 'UIEvent',
  'IntersectionObserver', 'ResizeObserver', 'MutationObserver', 'XMLHttpRequest', 'FileReader', 'Image', 'Audio',
  'Notification', 'Worker', 'SharedWorker', 'ServiceWorker', 'DOMParser', 'XMLSerializer', 'Range', 'Selection',
];

const TEST_RUNNERS = [
  'describe', 'it', 'test', 'expect', 'before', 'after', 'beforeEach', 'afterEach', 'beforeAll', 'afterAll',
  'suite', 'setup', 'teardown', 'suiteSetup', 'suiteTeardown', 'context', 'jest', 'vi',
];

const TYPESCRIPT_TYPES = [
  'Record', 'Partial', 'Required', 'Readonly', 'Pick', 'Omit', 'Exclude', 'Extract', 'NonNullable', 'Parameters',
  'ConstructorParameters', 'ReturnType', 'InstanceType', 'ThisParameterType', 'OmitThisParameter', 'ThisType',
  'Uppercase', 'Lowercase', 'Capitalize', 'Uncapitalize', 'Awaited', 'NoInfer',
  'ReadonlyArray', 'ReadonlyMap', 'ReadonlySet', 'ArrayLike', 'PromiseLike', 'Iterable', 'IterableIterator',
  'IteratorResult', 'AsyncIterable', 'AsyncIterator', 'AsyncIterableIterator', 'Generator', 'AsyncGenerator',
  'GeneratorFunction', 'AsyncGeneratorFunction', 'IteratorObject', 'ArrayIterator', 'MapIterator', 'SetIterator',
  'PropertyKey', 'PropertyDescriptor', 'PropertyDescriptorMap', 'TypedPropertyDescriptor', 'TemplateStringsArray',
  'ClassDecorator', 'MethodDecorator', 'PropertyDecorator', 'ParameterDecorator', 'ClassDecoratorContext',
  'ClassMethodDecoratorContext', 'ClassFieldDecoratorContext', 'RegExpMatchArray', 'RegExpExecArray',
  'ArrayBufferLike', 'ArrayBufferView', 'Disposable', 'AsyncDisposable', 'WeakKey', 'CallableFunction',
  'NewableFunction', 'IArguments', 'ErrorConstructor', 'ErrorOptions', 'PromiseConstructor', 'PromiseSettledResult',
  'PromiseFulfilledResult', 'PromiseRejectedResult', 'ObjectConstructor', 'ArrayConstructor', 'DateConstructor',
  'NodeJS', 'NodeRequire', 'NodeModule', 'BufferEncoding', 'Console', 'JSX', 'RequestInit', 'ResponseInit',
  'HeadersInit', 'BodyInit', 'RequestInfo', 'EventListener', 'EventListenerOrEventListenerObject',
  'AddEventListenerOptions', 'EventListenerOptions', 'DOMHighResTimeStamp', 'FrameRequestCallback',
  'ElementCreationOptions', 'ScrollToOptions', 'HTMLElementTagNameMap', 'CSSStyleDeclaration', 'NodeListOf',
  'HTMLCollectionOf', 'Uint8ArrayConstructor', 'StructuredSerializeOptions', 'Transferable',
  'QueuingStrategy', 'UnderlyingSource', 'UnderlyingSink', 'ReadableStreamDefaultReader', 'WritableStreamDefaultWriter',
];

/** Value names defined by the JavaScript platforms MGE targets. */
export const JS_VALUE_GLOBALS: ReadonlySet<string> = new Set([...ECMASCRIPT, ...NODE_AND_WEB, ...BROWSER, ...TEST_RUNNERS]);

/** Names valid in a TypeScript type position: the built-in types plus every global class/namespace. */
export const TS_TYPE_GLOBALS: ReadonlySet<string> = new Set([...TYPESCRIPT_TYPES, ...JS_VALUE_GLOBALS]);

// Typed Make custom-app components. This file knows nothing of Campus Skills.
// Shapes follow the JSON Schemas of Make's VS Code extension (the public repository integromat/vscode-apps-sdk,
// syntaxes/imljson/schemas/: api.json for a communication, parameters.json for parameters) and its local-development
// layout (README-local-development-for-apps.md); the checks' own schemas of the emitted files are sdk/check/schemas/.

/** A value that Make evaluates as IML at run time: either the literal or an IML string ("{{...}}"). */
export type Iml<T> = T | string;

/** Any JSON value whose string leaves may be IML strings. */
export type ImlJson = string | number | boolean | null | ImlJson[] | { [key: string]: ImlJson };

// ---------------------------------------------------------------- parameters

export type ParameterType =
  | 'any' | 'array' | 'boolean' | 'buffer' | 'cert' | 'collection' | 'color' | 'date' | 'email'
  | 'filename' | 'folder' | 'file' | 'filter' | 'hidden' | 'json' | 'integer' | 'uinteger' | 'number'
  | 'password' | 'path' | 'pkey' | 'port' | 'select' | 'text' | 'time' | 'timestamp' | 'timezone'
  | 'url' | 'uuid' | 'banner' | 'udt';

export interface SelectOption {
  label: string;
  value: string | number | boolean;
  description?: string;
  default?: boolean;
  nested?: Parameter[] | string;
}

export interface ParameterValidation {
  min?: number;
  max?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  enum?: Array<string | number>;
}

/** One Make parameter spec: used for static and mappable parameters, interfaces and connection params. */
export interface Parameter {
  name: string;
  type: ParameterType;
  label?: string;
  help?: string;
  required?: boolean;
  default?: unknown;
  advanced?: boolean;
  multiline?: boolean;
  multiple?: boolean;
  editable?: boolean;
  mappable?: boolean | { help: string };
  /** `array`: the item spec; `collection`: its fields. */
  spec?: Parameter | Parameter[];
  options?: SelectOption[] | string;
  nested?: Parameter[] | string;
  validate?: ParameterValidation | boolean;
  time?: boolean;
  semantic?: string;
}

/** A parameter list, or an RPC producing one ("rpc://name"). */
export type ParameterList = Parameter[] | string;

// ---------------------------------------------------------------- communication

export type MakeErrorType =
  | 'RuntimeError' | 'DataError' | 'RateLimitError' | 'OutOfSpaceError' | 'ConnectionError'
  | 'InvalidConfigurationError' | 'InvalidAccessTokenError' | 'IncompleteDataError' | 'DuplicateDataError';

export interface ErrorSpec {
  message?: string;
  type?: Iml<MakeErrorType>;
}

/** `response.error`: a message, or a generic message/type plus per-status overrides ("401": {...}). */
export type ResponseError = string | (ErrorSpec & { [status: string]: ErrorSpec | string | undefined });

export type ResponseType = 'automatic' | 'json' | 'urlencoded' | 'text' | 'raw' | 'string' | 'binary' | 'xml';

/** `response.valid`: a condition, or a condition with the message and type of the error when it is falsy. */
export type ResponseValid = Iml<boolean> | { condition: Iml<boolean>; message?: string; type?: Iml<MakeErrorType> };

export interface Response {
  type?: ResponseType | Record<string, ResponseType>;
  valid?: ResponseValid;
  limit?: Iml<number>;
  error?: ResponseError;
  iterate?: string | { container: string; condition?: Iml<boolean> };
  temp?: Record<string, ImlJson>;
  output?: ImlJson;
  wrapper?: ImlJson;
  data?: Record<string, ImlJson>;
  metadata?: { value: string; type: 'text' | 'email' };
  uid?: Iml<string | number>;
  expires?: string;
}

export interface Pagination {
  mergeWithParent?: boolean;
  url?: string;
  method?: string;
  headers?: Record<string, ImlJson>;
  qs?: Record<string, ImlJson>;
  body?: ImlJson;
  condition?: Iml<boolean>;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Request {
  url?: string;
  method?: Iml<HttpMethod>;
  headers?: Record<string, ImlJson>;
  qs?: Record<string, ImlJson>;
  body?: ImlJson;
  type?: 'json' | 'urlencoded' | 'multipart/form-data' | 'text' | 'string' | 'raw' | 'binary';
  encodeUrl?: boolean;
  followRedirects?: boolean;
  followAllRedirects?: boolean;
  temp?: Record<string, ImlJson>;
  condition?: Iml<boolean> | { condition: Iml<boolean>; default?: ImlJson };
  log?: { sanitize: string[] };
  response?: Response;
  pagination?: Pagination;
}

export type Communication = Request | Request[];

/** Base: what every module and RPC inherits. */
export interface Base {
  baseUrl?: string;
  headers?: Record<string, ImlJson>;
  qs?: Record<string, ImlJson>;
  body?: ImlJson;
  response?: Response;
  log?: { sanitize: string[] };
  timeout?: number;
}

// ---------------------------------------------------------------- components

export type ModuleType = 'action' | 'search' | 'trigger' | 'instant_trigger' | 'responder' | 'universal';
export type ActionCrud = 'create' | 'read' | 'update' | 'delete' | null;

export interface ModuleDefinition {
  /** Local id, Make's module id rules: ^[a-zA-Z][0-9a-zA-Z]{2,47}$. */
  id: string;
  label: string;
  description: string;
  type: ModuleType;
  crud?: ActionCrud;
  /** Local id of the connection the module uses. */
  connection: string;
  communication: Communication;
  staticParams?: ParameterList;
  mappableParams: ParameterList;
  interface: ParameterList;
  /** Example output shown before the module has run (any object: typed by the app with its generated types). */
  samples: object;
  scope?: string[];
}

export interface ConnectionDefinition {
  /** Local id, ^[a-zA-Z][0-9a-zA-Z-]{1,33}[0-9a-zA-Z]$. */
  id: string;
  label: string;
  type: 'basic' | 'oauth';
  communication: Communication;
  params: Parameter[];
  common?: Record<string, unknown>;
}

export interface RpcDefinition {
  id: string;
  label: string;
  connection: string;
  communication: Communication;
  params: ParameterList;
}

export interface FunctionDefinition {
  /** Function name; `code` must declare `function <id>(...)`. */
  id: string;
  code: string;
  test: string;
}

export interface ModuleGroup {
  label: string;
  modules: string[];
}

export interface AppDefinition {
  name: string;
  label: string;
  version: number;
  description: string;
  language: string;
  theme: string;
  base: Base;
  readme: string;
  groups: ModuleGroup[];
  connections: ConnectionDefinition[];
  modules: ModuleDefinition[];
  rpcs: RpcDefinition[];
  functions: FunctionDefinition[];
  common?: Record<string, unknown>;
}

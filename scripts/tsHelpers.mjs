// The helpers TypeScript's CommonJS output defines at the top of each module that imports or
// re-exports another (in vscode-languageclient, vscode-languageserver-protocol, vscode-jsonrpc),
// here once for the whole web client: scripts/buildWeb.mjs drops a module's own definition
// where it is this text exactly and injects these instead. A module's definition is
// `var __x = (this && this.__x) || <this text>`; `this` there is the module's fresh
// `exports`, which never holds such a name, so the module always used this very text.
export var __createBinding = (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
export var __setModuleDefault = (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
export var __importStar = (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
export var __exportStar = function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
export var __importDefault = function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};

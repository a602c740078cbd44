"""scripts/wasmnames.py renames a module's imports and its glue's import object alike. Checked with
a module written byte by byte here, read back and instantiated by node's WebAssembly (V8) with the
import object the renamed glue builds: a name that differs on one side is a link error there."""
import json
import subprocess
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import wasmnames  # noqa: E402


def name(text: str) -> bytes:
    raw = text.encode()
    return bytes([len(raw)]) + raw


def uleb(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | 0x80 if value else byte)
        if not value:
            return bytes(out)


def module(imports: list, exports: list = ()) -> bytes:
    """A module with one function type, the given imports ((module, name, kind)): kind "func" or "memory",
    and exports ((name, kind, index)): kind 0 a function (here an imported one), 2 the memory."""
    types = bytes([1, 0x60, 0, 0])
    entries = bytes([len(imports)])
    for mod, field, kind in imports:
        entries += name(mod) + name(field) + (bytes([0, 0]) if kind == "func" else bytes([2, 0, 1]))
    section = lambda sid, body: bytes([sid]) + uleb(len(body)) + body  # noqa: E731
    wasm = b"\0asm\1\0\0\0" + section(1, types) + section(2, entries)
    if exports:
        wasm += section(7, bytes([len(exports)]) + b"".join(name(n) + bytes([k]) + uleb(i) for n, k, i in exports))
    return wasm


GLUE = """let wasm;
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg_first_0123456789abcdef: function() {
            globalThis.called.push('first');
        },
        __wbg_second_fedcba9876543210: function() {
            const o = { inner: 1 };
            globalThis.called.push('second');
        },
    };
    return {
        __proto__: null,
        "./m_bg.js": import0,
    };
}
"""

IMPORTS = [
    ("./m_bg.js", "__wbg_first_0123456789abcdef", "func"),
    ("./m_bg.js", "__wbg_second_fedcba9876543210", "func"),
    ("env", "memory", "memory"),
]


def instantiate(wasm: bytes, glue: str) -> dict:
    """What V8 reads as the module's imports, and whether it links with the glue's import object."""
    script = glue + """
const bytes = Buffer.from(process.argv[1], 'hex');
const m = new WebAssembly.Module(bytes);
const imports = __wbg_get_imports();
imports.env = { memory: new WebAssembly.Memory({ initial: 1 }) };
let linked = true;
try { new WebAssembly.Instance(m, imports); } catch (e) { linked = String(e); }
console.log(JSON.stringify({ imports: WebAssembly.Module.imports(m).map((i) => [i.module, i.name, i.kind]), linked }));
"""
    out = subprocess.run(["node", "-e", script, wasm.hex()], capture_output=True, text=True, check=True).stdout
    return json.loads(out)


# A closure's entry point as wasm-bindgen names it (its Rust types spelt out), and its allocator.
CLOSURE = "wasm_bindgen_9f7a156d4feaf66a___convert__closures_____invoke___web_sys_f5275b95bb17bf3f___Event_true_"
EXPORTS = [("memory", 2, 0), ("mount_all", 0, 1), (CLOSURE, 0, 0), ("__wbindgen_malloc", 0, 1)]

# The glue's side: a wrapper of the closure's entry point with the same name, and calls through `wasm`.
EXPORT_GLUE = GLUE + f"""
function {CLOSURE}() {{
    wasm.{CLOSURE}();
}}
function call() {{
    {CLOSURE}();
    wasm.__wbindgen_malloc();
    wasm.mount_all();
    return wasm.memory.buffer.byteLength;
}}
"""


def run(wasm: bytes, glue: str) -> dict:
    """The module's exports as V8 reads them, and what the glue's calls through them did (or the error)."""
    script = glue + """
const m = new WebAssembly.Module(Buffer.from(process.argv[1], 'hex'));
const imports = __wbg_get_imports();
imports.env = { memory: new WebAssembly.Memory({ initial: 1 }) };
globalThis.called = [];
wasm = new WebAssembly.Instance(m, imports).exports;
let result;
try { result = call(); } catch (e) { result = String(e); }
console.log(JSON.stringify({ exports: WebAssembly.Module.exports(m).map((e) => [e.name, e.kind]), result, called }));
"""
    out = subprocess.run(["node", "-e", script, wasm.hex()], capture_output=True, text=True, check=True).stdout
    return json.loads(out)


class ShortExports(unittest.TestCase):
    def test_the_glues_exports_are_renamed_in_the_module_and_the_glue(self):
        wasm = module(IMPORTS, EXPORTS)
        before = run(wasm, EXPORT_GLUE)
        self.assertEqual(before["result"], 65536)
        short, glue, renamed = wasmnames.shorten_exports(wasm, EXPORT_GLUE)
        self.assertEqual(renamed, {CLOSURE: "_a", "__wbindgen_malloc": "_b"})
        after = run(short, glue)
        self.assertEqual(after["exports"], [["memory", "memory"], ["mount_all", "function"], ["_a", "function"], ["_b", "function"]])
        self.assertEqual(after["result"], 65536)
        self.assertEqual(after["called"], ["first", "second", "second"])
        # The glue's wrapper keeps its name; only the property read changed.
        self.assertIn(f"function {CLOSURE}()", glue)
        self.assertNotIn(f"wasm.{CLOSURE}", glue)
        self.assertEqual([e[0] for e in wasmnames.exports(short)], ["memory", "mount_all", "_a", "_b"])

    def test_the_module_renamed_alone_fails_in_the_glue(self):
        short, _, _ = wasmnames.shorten_exports(module(IMPORTS, EXPORTS), EXPORT_GLUE)
        self.assertIn("is not a function", run(short, EXPORT_GLUE)["result"])

    def test_an_export_read_otherwise_is_refused(self):
        wasm = module(IMPORTS, EXPORTS)
        with self.assertRaisesRegex(ValueError, "__wbindgen_malloc 2 times, 1 of them"):
            wasmnames.shorten_exports(wasm, EXPORT_GLUE + "const f = instance.exports.__wbindgen_malloc;\n")
        with self.assertRaisesRegex(ValueError, "__wbindgen_malloc 0 times"):
            wasmnames.shorten_exports(wasm, EXPORT_GLUE.replace("wasm.__wbindgen_malloc();", ""))

    def test_a_short_name_already_exported_is_skipped(self):
        wasm = module(IMPORTS, [("_a", 0, 1)] + EXPORTS[2:])
        glue = EXPORT_GLUE.replace("wasm.mount_all();", "wasm._a();")
        short, glue, renamed = wasmnames.shorten_exports(wasm, glue)
        self.assertEqual(renamed, {CLOSURE: "_b", "__wbindgen_malloc": "_c"})
        self.assertEqual(run(short, glue)["called"], ["first", "second", "second"])


def sleb(value: int) -> bytes:
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        done = (value == 0 and not byte & 0x40) or (value == -1 and byte & 0x40)
        out.append(byte if done else byte | 0x80)
        if done:
            return bytes(out)


def laid_out(stack: int, data: list, passive: bool = False) -> bytes:
    """A module with a memory, Rust's stack pointer (a mutable i32 global starting at `stack`, after an
    immutable one and an externref one), and active data segments at the addresses `data` (and a passive one)."""
    section = lambda sid, body: bytes([sid]) + uleb(len(body)) + body  # noqa: E731
    globals_ = [bytes([0x7F, 0, 0x41]) + sleb(5) + b"\x0b", bytes([0x6F, 1, 0xD0, 0x6F, 0x0B]),
                bytes([0x7F, 1, 0x41]) + sleb(stack) + b"\x0b"]
    segments = [bytes([0, 0x41]) + sleb(at) + b"\x0b" + bytes([2]) + b"hi" for at in data]
    if passive:
        segments.append(bytes([1, 3]) + b"abc")
    return (b"\0asm\1\0\0\0" + section(5, bytes([1, 0, 17])) + section(6, bytes([len(globals_)]) + b"".join(globals_))
            + section(11, bytes([len(segments)]) + b"".join(segments)))


class LowMemory(unittest.TestCase):
    def test_rusts_layout_is_read_and_accepted(self):
        wasm = laid_out(1048576, [1048576, 1054364], passive=True)
        # V8 reads the module too: the bytes written here are a valid module.
        script = "new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(process.argv[1], 'hex'))); console.log('ok');"
        self.assertEqual(subprocess.run(["node", "-e", script, wasm.hex()], capture_output=True, text=True, check=True).stdout.strip(), "ok")
        self.assertEqual(wasmnames.low_memory(wasm), (1048576, 1048576))
        wasmnames.check_low_memory_unused(wasm)

    def test_data_below_the_stack_or_a_stack_not_first_is_refused(self):
        with self.assertRaisesRegex(ValueError, "data at 1024"):
            wasmnames.check_low_memory_unused(laid_out(1048576, [1048576, 1024]))
        with self.assertRaisesRegex(ValueError, "stack does not come first"):
            wasmnames.check_low_memory_unused(laid_out(1024, []))


class ShortImports(unittest.TestCase):
    def test_the_module_and_its_glue_are_renamed_alike(self):
        wasm = module(IMPORTS)
        before = instantiate(wasm, GLUE)
        self.assertEqual(before["linked"], True)
        short, glue, renamed = wasmnames.shorten(wasm, GLUE, "./m_bg.js")
        self.assertEqual(renamed, {"__wbg_first_0123456789abcdef": "a", "__wbg_second_fedcba9876543210": "b"})
        after = instantiate(short, glue)
        self.assertEqual(after["imports"], [["./m_bg.js", "a", "function"], ["./m_bg.js", "b", "function"], ["env", "memory", "memory"]])
        self.assertEqual(after["linked"], True)
        self.assertNotIn("0123456789abcdef", glue)
        self.assertLess(len(short), len(wasm))
        # What the renamed names read back as in the module, by this script's own reader too.
        self.assertEqual(wasmnames.imports(short), [("./m_bg.js", "a"), ("./m_bg.js", "b"), ("env", "memory")])

    def test_the_module_renamed_alone_does_not_link(self):
        # The check above can fail: the renamed module with the old glue is a link error.
        short, _, _ = wasmnames.shorten(module(IMPORTS), GLUE, "./m_bg.js")
        self.assertIn("LinkError", str(instantiate(short, GLUE)["linked"]))

    def test_a_glue_that_does_not_match_is_refused(self):
        wasm = module(IMPORTS)
        missing = GLUE.replace("__wbg_second_fedcba9876543210", "__wbg_other_fedcba9876543210")
        with self.assertRaisesRegex(ValueError, "__wbg_second_fedcba9876543210 0 times"):
            wasmnames.shorten(wasm, missing, "./m_bg.js")
        extra = GLUE.replace("        __proto__: null,\n", "        __proto__: null,\n        __wbg_unused_1111111111111111: function() {},\n", 1)
        with self.assertRaisesRegex(ValueError, "not the module's"):
            wasmnames.shorten(wasm, extra, "./m_bg.js")
        with self.assertRaisesRegex(ValueError, "no __wbg_get_imports"):
            wasmnames.shorten(wasm, "let wasm;\n", "./m_bg.js")
        with self.assertRaisesRegex(ValueError, "not a WebAssembly module"):
            wasmnames.shorten(b"\0wasm\1\0\0\0", GLUE, "./m_bg.js")

    def test_the_glue_names_the_module_of_its_imports(self):
        short, glue = wasmnames.shorten_built(module(IMPORTS), GLUE)
        self.assertEqual(instantiate(short, glue)["linked"], True)

    def test_short_names_are_unique(self):
        names = [wasmnames.short_name(i) for i in range(3000)]
        self.assertEqual(len(set(names)), 3000)
        self.assertEqual(names[:3] + names[51:54], ["a", "b", "c", "Z", "aa", "ab"])


if __name__ == "__main__":
    unittest.main()

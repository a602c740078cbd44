"""Short names for a WebAssembly module's imports, in the module and in its wasm-bindgen glue.

wasm-bindgen names each function the module imports from its glue `__wbg_<name>_<hash>`, with
sixteen hexadecimal digits of hash: about 200 such names in the widget, whose digits do not
compress, once in the module's import section and once more in the glue's import object. Both
sides are renamed alike here (`a`, `b`, ... `Z`, `aa`, ...); nothing else refers to them.

The functions the glue itself calls in the module (wasm-bindgen's allocator, its closures' entry points,
whose names spell out their Rust types in up to 250 characters, and the like) are renamed too (`_a`,
`_b`, ...), in the module's export section and in the glue, which names each as `wasm.<name>`; the
module's own exports (`mount_all`, ...) and its memory keep their names.
"""
import re
import string

ALPHABET = string.ascii_letters


def short_name(index: int) -> str:
    """The index-th short name: a..z, A..Z, then two letters and so on."""
    name = ""
    index += 1
    while index > 0:
        index -= 1
        name = ALPHABET[index % len(ALPHABET)] + name
        index //= len(ALPHABET)
    return name


def _uleb(data: bytes, at: int, signed: bool = False) -> tuple:
    """An unsigned (or signed) LEB128 number at `at`, and where it ends."""
    value, shift = 0, 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            if signed and byte & 0x40:
                value -= 1 << shift
            return value, at


def _encode_uleb(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _name(data: bytes, at: int) -> tuple:
    length, at = _uleb(data, at)
    return data[at : at + length].decode("utf-8"), at + length


def _encode_name(name: str) -> bytes:
    raw = name.encode("utf-8")
    return _encode_uleb(len(raw)) + raw


def _limits_end(data: bytes, at: int) -> int:
    flags = data[at]
    at += 1
    _, at = _uleb(data, at)
    if flags & 0x01:
        _, at = _uleb(data, at)
    return at


def _descriptor_end(data: bytes, at: int) -> int:
    """Where an import's descriptor (its kind and type) that starts at `at` ends."""
    kind = data[at]
    at += 1
    if kind == 0x00:  # function: type index
        return _uleb(data, at)[1]
    if kind == 0x01:  # table: reference type, limits
        return _limits_end(data, at + 1)
    if kind == 0x02:  # memory: limits
        return _limits_end(data, at)
    if kind == 0x03:  # global: value type, mutability
        return at + 2
    if kind == 0x04:  # tag: attribute, type index
        return _uleb(data, at + 1)[1]
    raise ValueError(f"unknown import kind {kind:#x}")


def imports(wasm: bytes) -> list:
    """The (module, name) of every import, in order."""
    return [(module, name) for module, name, _ in _import_entries(wasm)[1]]


def _section(wasm: bytes, wanted: int) -> tuple:
    """The (start, end) of a section's header and contents, and where its contents start; None if absent."""
    if wasm[:4] != b"\0asm":
        raise ValueError("not a WebAssembly module")
    at = 8
    while at < len(wasm):
        section = wasm[at]
        size, start = _uleb(wasm, at + 1)
        if section == wanted:
            return at, start, start + size
        at = start + size
    return None


def _import_entries(wasm: bytes) -> tuple:
    """The import section's place ((start, end) of its header and contents, or None) and its entries (module, name, descriptor)."""
    place = _section(wasm, 2)
    if place is None:
        return None, []
    at, start, end = place
    count, cursor = _uleb(wasm, start)
    entries = []
    for _ in range(count):
        module, cursor = _name(wasm, cursor)
        name, cursor = _name(wasm, cursor)
        stop = _descriptor_end(wasm, cursor)
        entries.append((module, name, wasm[cursor:stop]))
        cursor = stop
    if cursor != end:
        raise ValueError("the import section does not end where its size says")
    return (at, end), entries


def shorten(wasm: bytes, glue: str, module: str) -> tuple:
    """The module with the imports from `module` renamed, and the glue with the same keys renamed in its
    import object; the names that change. Raises ValueError when a name is not exactly once a key of the glue."""
    place, entries = _import_entries(wasm)
    if place is None:
        return wasm, glue, {}
    block = re.search(r"^function __wbg_get_imports\(\) \{\n(.*?)^\}\n", glue, re.M | re.S)
    if not block:
        raise ValueError("the glue has no __wbg_get_imports function")
    renamed = {}
    for module_name, name, _ in entries:
        if module_name == module and name not in renamed:
            renamed[name] = short_name(len(renamed))
    body = block.group(1)
    for old, new in renamed.items():
        body, count = re.subn(rf"^(\s+){re.escape(old)}:", rf"\g<1>{new}:", body, flags=re.M)
        if count != 1:
            raise ValueError(f"the glue names the import {old} {count} times, not once")
    # The import object's keys (one indentation in) are now exactly the new names.
    keys = set(re.findall(r"^ {8}([A-Za-z_$][\w$]*):", body, re.M)) - {"__proto__"}
    if keys != set(renamed.values()):
        raise ValueError(f"the glue's imports are not the module's: {sorted(keys ^ set(renamed.values()))[:3]}")
    section = bytearray(_encode_uleb(len(entries)))
    for module_name, name, descriptor in entries:
        new = renamed.get(name, name) if module_name == module else name
        section += _encode_name(module_name) + _encode_name(new) + descriptor
    start, end = place
    rewritten = wasm[:start] + bytes([2]) + _encode_uleb(len(section)) + bytes(section) + wasm[end:]
    glue = glue[: block.start(1)] + body + glue[block.end(1) :]
    return rewritten, glue, renamed


# The exports wasm-bindgen adds for its glue: its allocator and tables, and each closure's entry point.
GLUE_EXPORT = re.compile(r"^(__wbindgen_|__externref_|wasm_bindgen_[0-9a-f]+___convert__closures)")


def exports(wasm: bytes) -> list:
    """The (name, kind, index) of every export, in order."""
    place = _section(wasm, 7)
    if place is None:
        return []
    _, start, end = place
    count, cursor = _uleb(wasm, start)
    entries = []
    for _ in range(count):
        name, cursor = _name(wasm, cursor)
        kind = wasm[cursor]
        index, cursor = _uleb(wasm, cursor + 1)
        entries.append((name, kind, index))
    if cursor != end:
        raise ValueError("the export section does not end where its size says")
    return entries


def shorten_exports(wasm: bytes, glue: str) -> tuple:
    """The module with the exports only its glue calls renamed, and the glue with each `wasm.<name>` renamed
    alike; the names that change. Raises ValueError when the glue reads such an export otherwise than as
    `wasm.<name>`, or not at all."""
    entries = exports(wasm)
    taken = {name for name, _, _ in entries}
    renamed, index = {}, 0
    for name, kind, _ in entries:
        if kind in (0, 1) and GLUE_EXPORT.match(name):  # functions and tables
            while True:
                new = "_" + short_name(index)
                index += 1
                if new not in taken:
                    break
            renamed[name] = new
    for old, new in renamed.items():
        # Read as a property anywhere (`x.<name>`, `x["<name>"]`), it must be the module's; a bare
        # identifier of that name is the glue's own wrapper function, which keeps its name.
        every = len(re.findall(rf"(?:\.\s*|\[\s*[\"']){re.escape(old)}(?![\w$])", glue))
        glue, count = re.subn(rf"(?<![\w$.])wasm\.{re.escape(old)}(?![\w$])", f"wasm.{new}", glue)
        if count == 0 or count != every:
            raise ValueError(f"the glue reads the export {old} {every} times, {count} of them as wasm.{old}")
    if not renamed:
        return wasm, glue, renamed
    section = bytearray(_encode_uleb(len(entries)))
    for name, kind, index in entries:
        section += _encode_name(renamed.get(name, name)) + bytes([kind]) + _encode_uleb(index)
    at, _, end = _section(wasm, 7)
    rewritten = wasm[:at] + bytes([7]) + _encode_uleb(len(section)) + bytes(section) + wasm[end:]
    return rewritten, glue, renamed


def _const_i32(data: bytes, at: int) -> tuple:
    """The value of the constant expression at `at` if it is `i32.const n; end` (None for another
    constant), and where it ends."""
    op = data[at]
    value = None
    if op == 0x41:  # i32.const
        value, at = _uleb(data, at + 1, signed=True)
        value &= 0xFFFFFFFF
    elif op in (0x42, 0x23, 0xD2):  # i64.const, global.get, ref.func: one number
        _, at = _uleb(data, at + 1)
    elif op in (0x43, 0x44, 0xD0):  # f32.const, f64.const, ref.null: fixed width
        at += {0x43: 5, 0x44: 9, 0xD0: 2}[op]
    else:
        raise ValueError(f"unknown constant expression {op:#x}")
    if data[at] != 0x0B:
        raise ValueError("a constant expression longer than one instruction")
    return value, at + 1


def low_memory(wasm: bytes) -> tuple:
    """Where the stack starts (the first mutable i32 global's value: Rust's stack pointer) and the lowest
    address of an active data segment: what `--low-memory-unused` relies on."""
    stack = None
    place = _section(wasm, 6)
    if place is not None:
        count, cursor = _uleb(wasm, place[1])
        for _ in range(count):
            kind, mutable = wasm[cursor], wasm[cursor + 1]
            value, cursor = _const_i32(wasm, cursor + 2)
            if stack is None and kind == 0x7F and mutable == 1:
                stack = value
    lowest = None
    place = _section(wasm, 11)
    if place is not None:
        count, cursor = _uleb(wasm, place[1])
        for _ in range(count):
            flags, cursor = _uleb(wasm, cursor)
            offset = None
            if flags in (0, 2):
                if flags == 2:
                    _, cursor = _uleb(wasm, cursor)
                offset, cursor = _const_i32(wasm, cursor)
            size, cursor = _uleb(wasm, cursor)
            cursor += size
            if offset is not None:
                lowest = offset if lowest is None else min(lowest, offset)
    return stack, lowest


def check_low_memory_unused(wasm: bytes) -> None:
    """Raises ValueError unless the module leaves its lowest kilobyte to the bottom of a stack placed
    first: its stack pointer starting at 64 KB or more, and no data segment below it."""
    stack, lowest = low_memory(wasm)
    if stack is None or stack < 65536:
        raise ValueError(f"the module's stack does not come first (its stack pointer starts at {stack})")
    if lowest is not None and lowest < stack:
        raise ValueError(f"the module has data at {lowest}, below its stack's top at {stack}")


def shorten_built(wasm: bytes, glue: str) -> tuple:
    """`shorten` for the module the glue loads, whose imports it names `"./<name>_bg.js": import0`, then
    `shorten_exports`."""
    named = re.search(r'^\s+"(\./[\w.-]+_bg\.js)": import0,$', glue, re.M)
    if not named:
        raise ValueError("the glue does not name the module of its imports")
    wasm, glue, _ = shorten(wasm, glue, named.group(1))
    wasm, glue, _ = shorten_exports(wasm, glue)
    return wasm, glue

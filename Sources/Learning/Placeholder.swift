import CZlib

/// Version of the zlib the package is linked against (proves the system library is found).
public func zlibVersionString() -> String { String(cString: zlibVersion()) }

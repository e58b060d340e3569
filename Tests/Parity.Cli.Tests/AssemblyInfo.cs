// The CLI and its tests target Linux: processes, signals and file modes are Linux facts here.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

// The CLI drives Linux processes (setsid, signals, /proc, apt-get): it targets Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

using System.CommandLine;
using Parity.Cli;

// No termination timeout: an AppHost run in this terminal takes its time to stop its resources after Ctrl+C.
return await ParityCommandLine.Create().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });

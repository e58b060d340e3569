using Microsoft.Extensions.Logging;

namespace Parity.Hosting.Orchestration;

/// <summary>An <see cref="ILogger"/> whose messages appear among a resource's console output, as the engine's own lines do.</summary>
internal sealed class ResourceConsoleLogger(ResourceLoggerService logs, string resource) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            var text = exception is null ? formatter(state, exception) : $"{formatter(state, exception)}: {exception.Message}";
            logs.Write(new LogLine(resource, null, DateTimeOffset.UtcNow, $"[parity] {text}", IsError: logLevel >= LogLevel.Warning));
        }
    }
}

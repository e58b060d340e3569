namespace Parity.Hosting.ApplicationModel;

public static class CommandResults
{
    public static ExecuteCommandResult Success() => new() { Success = true };

    public static ExecuteCommandResult Failure(string? errorMessage = null) => new() { Success = false, ErrorMessage = errorMessage };

    public static ExecuteCommandResult Failure(Exception exception) => Failure(exception.Message);
}

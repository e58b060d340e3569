namespace Parity.Hosting.ApplicationModel;

public enum ResourceCommandState
{
    Enabled,

    /// <summary>Shown, but cannot be run now.</summary>
    Disabled,

    Hidden,
}

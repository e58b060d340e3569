namespace Parity.Hosting.ApplicationModel;

public enum IconVariant
{
    Regular,
    Filled,
}

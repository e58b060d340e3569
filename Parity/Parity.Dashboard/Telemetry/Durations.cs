using System.Globalization;

namespace Parity.Dashboard.Telemetry;

public static class Durations
{
    public static string Format(double milliseconds) => milliseconds switch
    {
        >= 1000 => (milliseconds / 1000).ToString("0.00 's'", CultureInfo.InvariantCulture),
        >= 10 => milliseconds.ToString("0 'ms'", CultureInfo.InvariantCulture),
        _ => milliseconds.ToString("0.## 'ms'", CultureInfo.InvariantCulture),
    };
}

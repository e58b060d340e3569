using System.Collections;
using System.Globalization;
using System.Reflection;
using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Yarp;

/// <summary>
/// The routes and clusters as the configuration YARP loads (<c>ReverseProxy:Routes:route0:Match:Path</c>), spelled as
/// environment variables. Destinations stay expressions, so each target renders its own addresses.
/// </summary>
internal static class YarpEnvironment
{
    private const string Prefix = "ReverseProxy__";

    public static IReadOnlyList<KeyValuePair<string, ReferenceExpression>> Of(IEnumerable<YarpRoute> routes, IEnumerable<YarpCluster> clusters)
    {
        var variables = new List<KeyValuePair<string, ReferenceExpression>>();
        foreach (var route in routes)
        {
            // YARP takes a route's id from its key, and refuses one repeated inside.
            Flatten($"{Prefix}Routes__{route.RouteConfig.RouteId}", route.RouteConfig with { RouteId = null! }, variables);
        }
        foreach (var cluster in clusters)
        {
            var key = $"{Prefix}Clusters__{cluster.ClusterId}";
            Flatten(key, cluster.ClusterConfig with { ClusterId = null! }, variables);
            for (var i = 0; i < cluster.Destinations.Count; i++)
            {
                variables.Add(new($"{key}__Destinations__destination{i + 1}__Address", cluster.Destinations[i]));
            }
        }
        return variables;
    }

    private static void Flatten(string key, object? value, List<KeyValuePair<string, ReferenceExpression>> variables)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                variables.Add(new(key, ReferenceExpression.Literal(text)));
                return;
            case bool flag:
                variables.Add(new(key, ReferenceExpression.Literal(flag ? "true" : "false")));
                return;
            case Enum or Version or Uri:
                variables.Add(new(key, ReferenceExpression.Literal(value.ToString()!)));
                return;
            case TimeSpan span:
                variables.Add(new(key, ReferenceExpression.Literal(span.ToString("c", CultureInfo.InvariantCulture))));
                return;
            case IConvertible number:
                variables.Add(new(key, ReferenceExpression.Literal(number.ToString(CultureInfo.InvariantCulture))));
                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    Flatten($"{key}__{entry.Key}", entry.Value, variables);
                }
                return;
            case IEnumerable list:
                var index = 0;
                foreach (var item in list)
                {
                    Flatten($"{key}__{index++}", item, variables);
                }
                return;
        }
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            Flatten($"{key}__{property.Name}", property.GetValue(value), variables);
        }
    }
}

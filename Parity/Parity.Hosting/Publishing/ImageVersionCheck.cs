using Parity.Hosting.ApplicationModel;

namespace Parity.Hosting.Publishing;

/// <summary>Dev/prod parity for backing services: a warning for each whose local major version differs from its cluster image.</summary>
public static class ImageVersionCheck
{
    public static IEnumerable<string> Warnings(DistributedApplicationModel model) =>
        from resource in model.Resources
        let image = resource.AnnotationsOf<ContainerImageAnnotation>().LastOrDefault()
        let local = resource.AnnotationsOf<LocalVersionAnnotation>().LastOrDefault()?.Version()
        where image is not null && local is not null && !image.Tag.Split('-')[0].Equals(local, StringComparison.Ordinal)
        select $"warning: '{resource.Name}' runs version {local} on this machine but {image.Reference} in the cluster; " +
            "install the matching version locally, or expect differences between dev and prod.";
}

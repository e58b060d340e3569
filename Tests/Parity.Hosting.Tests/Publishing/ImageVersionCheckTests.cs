using Parity.Hosting.Publishing;

namespace Parity.Hosting.Tests.Publishing;

public sealed class ImageVersionCheckTests
{
    [Theory]
    [InlineData("16", true)]
    [InlineData("15", false)]
    [InlineData(null, false)]
    public void AWarningNamesABackingServiceWhoseLocalVersionDiffersFromItsImage(string? localMajor, bool warns)
    {
        var builder = TestApp.CreateBuilder();
        builder.AddPostgres("pg").WithAnnotation(new LocalVersionAnnotation(() => localMajor));

        var warnings = ImageVersionCheck.Warnings(new DistributedApplicationModel([.. builder.Resources])).ToList();

        Assert.Equal(warns, warnings.Count(w => w.Contains("'pg'")) == 1);
        Assert.All(warnings.Where(w => w.Contains("'pg'")), w => Assert.Contains($"'pg' runs version {localMajor} on this machine but postgres:15 in the cluster", w));
    }

    [Fact]
    public void TheVersionsInstalledHereMatchTheImagesOfTheStore()
    {
        var builder = TestApp.CreateBuilder();
        builder.AddPostgres("pg");
        builder.AddRedis("cache");
        builder.AddRabbitMQ("bus").WithManagementPlugin();

        Assert.Empty(ImageVersionCheck.Warnings(new DistributedApplicationModel([.. builder.Resources])));
        Assert.Equal("3.10", builder.Resources.Single(r => r.Name == "bus").AnnotationsOf<LocalVersionAnnotation>().Single().Version());
    }
}

using OpenIcs.Storage;

namespace OpenIcs.Tests.Storage;

public class StoreLocationTests
{
    [Theory]
    [InlineData("sqlite:data/openics.db", StoreKind.Sqlite, "data/openics.db")]
    [InlineData("SQLite: /var/lib/openics.db ", StoreKind.Sqlite, "/var/lib/openics.db")]
    [InlineData("postgres:Host=db;Database=openics", StoreKind.Postgres, "Host=db;Database=openics")]
    [InlineData("postgresql:Host=db", StoreKind.Postgres, "Host=db")]
    public void TryParse_reads_the_kind_and_target(string text, StoreKind kind, string target)
    {
        Assert.True(StoreLocation.TryParse(text, out var location, out var error), error);
        Assert.Equal(kind, location.Kind);
        Assert.Equal(target, location.Target);
    }

    [Theory]
    [InlineData("", "'' is not a store: use sqlite:PATH or \"postgres:CONNECTION STRING\".")]
    [InlineData("openics.db", "'openics.db' is not a store: use sqlite:PATH or \"postgres:CONNECTION STRING\".")]
    [InlineData("mysql:Server=x", "'mysql' is not a store kind: use sqlite:PATH or \"postgres:CONNECTION STRING\".")]
    [InlineData("sqlite:", "'sqlite:' names no file.")]
    [InlineData("postgres:  ", "'postgres:  ' names no connection string.")]
    public void TryParse_rejects_with_a_reason(string text, string expected)
    {
        Assert.False(StoreLocation.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void ToString_never_shows_the_password()
    {
        var location = StoreLocation.Parse("postgres:Host=db;Username=app;Password=s3cret;Database=openics");

        Assert.Equal("postgres:Host=db;Username=app;Password=***;Database=openics", location.ToString());
    }
}

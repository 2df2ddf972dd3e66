using OpenIcs.Storage;

namespace OpenIcs.Tests.Storage;

public class PostgresSettingsTests
{
    [Fact]
    public void Defaults_fill_what_the_connection_string_leaves_out()
    {
        var settings = PostgresDialect.Settings("Host=db;Database=openics");

        Assert.Equal(Math.Max(8, 4 * Environment.ProcessorCount), settings.MaxPoolSize);
        Assert.Equal(64, settings.MaxAutoPrepare);
        Assert.True(settings.NoResetOnClose);
        Assert.Equal("-c jit=off", settings.Options);
        Assert.Equal("db", settings.Host);
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=30", 30)]
    [InlineData("Host=db;MaxPoolSize=100", 100)]
    [InlineData("Host=db;maxpoolsize=3", 3)]
    public void A_pool_size_given_is_kept(string connectionString, int expected) =>
        Assert.Equal(expected, PostgresDialect.Settings(connectionString).MaxPoolSize);

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;MaxAutoPrepare=0", 0)]
    [InlineData("Host=db;Auto Prepare Min Usages=10", 0)]
    public void Automatic_preparation_given_is_kept(string connectionString, int expected) =>
        Assert.Equal(expected, PostgresDialect.Settings(connectionString).MaxAutoPrepare);

    [Fact]
    public void The_default_pool_is_never_smaller_than_the_minimum_asked_for() =>
        Assert.Equal(200, PostgresDialect.Settings("Host=db;Minimum Pool Size=200").MaxPoolSize);

    [Fact]
    public void A_jit_option_given_is_kept() =>
        Assert.Equal("-c jit=on", PostgresDialect.Settings("Host=db;Options=-c jit=on").Options);

    [Fact]
    public void A_malformed_connection_string_is_a_format_error()
    {
        var error = Assert.Throws<FormatException>(() => PostgresDialect.Settings("Hots=db"));
        Assert.StartsWith("The PostgreSQL connection string is malformed:", error.Message, StringComparison.Ordinal);
    }
}

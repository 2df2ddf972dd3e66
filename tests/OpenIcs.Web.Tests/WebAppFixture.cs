using OpenIcs.Places;
using OpenIcs.Storage;
using OpenIcs.Testing;

namespace OpenIcs.Web.Tests;

/// <summary>One store of one kind with London's places loaded, and the web app over it, shared by a test class.</summary>
public abstract class WebAppFixture(StoreKind kind, bool realPort = false) : IAsyncLifetime
{
    private static readonly Lazy<LondonPlaces> London = new(() => LondonReferenceData.Load(LondonReferenceData.DefaultFolder));

    private TestStore? _store;
    private string? _keysFolder;

    /// <summary>Why the tests cannot run (PostgreSQL not configured), or null.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>The web app.</summary>
    public OpenIcsWebFactory Factory { get; private set; } = null!;

    /// <summary>The reference data that was loaded, to compare pages and API answers with.</summary>
    public static LondonPlaces Reference => London.Value;

    public async ValueTask InitializeAsync()
    {
        SkipReason = TestStore.SkipReason(kind);
        if (SkipReason is not null)
            return;

        _store = await TestStore.CreateAsync(kind);
        await using (var database = await Database.OpenAsync(_store.Location, default))
            await new PlaceStore(database).SaveAsync(Reference, default);
        _keysFolder = Directory.CreateTempSubdirectory("openics-keys-").FullName;
        Factory = new OpenIcsWebFactory(_store.Location, _keysFolder);
        if (realPort)
        {
            Factory.UseKestrel(0);
            Factory.StartServer();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Factory is not null)
            await Factory.DisposeAsync();
        if (_store is not null)
            await _store.DisposeAsync();
        if (_keysFolder is not null)
            Directory.Delete(_keysFolder, recursive: true);
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteWebApp() : WebAppFixture(StoreKind.Sqlite);

public sealed class PostgresWebApp() : WebAppFixture(StoreKind.Postgres);

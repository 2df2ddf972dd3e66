using OpenIcs.Storage;
using OpenIcs.Testing;

namespace OpenIcs.Tests.Storage;

/// <summary>Base for tests written once and run on both stores: each test gets its own empty, migrated database.</summary>
public abstract class StoreTests(StoreKind kind) : IAsyncLifetime
{
    private TestStore? _store;

    /// <summary>The store under test, migrated to the current schema.</summary>
    protected Database Database { get; private set; } = null!;

    /// <summary>Where the store under test is.</summary>
    protected StoreLocation Location => _store!.Location;

    /// <summary>The test's cancellation token.</summary>
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = await TestStore.CreateAsync(kind, Ct);
        Database = await Database.OpenAsync(_store.Location, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (Database is not null)
            await Database.DisposeAsync();
        if (_store is not null)
            await _store.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

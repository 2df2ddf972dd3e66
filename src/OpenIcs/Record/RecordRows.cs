using OpenIcs.Record.Search;
using OpenIcs.Storage;

namespace OpenIcs.Record;

/// <summary>New rows of the resource table.</summary>
internal sealed class ResourceRows : BulkRows
{
    private static readonly (string, BulkType)[] Shape =
    [
        ("rk", BulkType.Integer8), ("type", BulkType.Text), ("id", BulkType.Text), ("version", BulkType.Integer4),
        ("last_updated", BulkType.Integer8), ("deleted", BulkType.Integer4), ("patient", BulkType.Text),
        ("hash", BulkType.Integer8), ("body", BulkType.Bytes),
    ];

    private readonly List<StoredResource> _rows = [];
    private readonly List<(string? Patient, long Hash)> _extra = [];

    public override string Table => "resource";

    public override IReadOnlyList<(string Name, BulkType Type)> Columns => Shape;

    public override int Count => _rows.Count;

    public void Add(StoredResource resource, string? patient, long hash)
    {
        _rows.Add(resource);
        _extra.Add((patient, hash));
    }

    public override void WriteRow(int index, IBulkValues values)
    {
        var row = _rows[index];
        values.Add(row.Rk);
        values.Add(row.Type);
        values.Add(row.Id);
        values.Add(row.Version);
        values.Add(row.LastUpdated);
        values.Add(row.Deleted ? 1 : 0);
        values.Add(_extra[index].Patient);
        values.Add(_extra[index].Hash);
        values.Add(row.Body);
    }
}

/// <summary>Index rows waiting to be written, one <see cref="BulkRows"/> per search table.</summary>
internal sealed class IndexBatch
{
    private readonly Rows<TokenValue> _tokens = new("search_token",
        [("rk", BulkType.Integer8), ("param", BulkType.Text), ("system", BulkType.Text), ("code", BulkType.Text)],
        (v, values) => { values.Add(v.Param); values.Add(v.System); values.Add(v.Code); });

    private readonly Rows<StringValue> _strings = new("search_string",
        [("rk", BulkType.Integer8), ("param", BulkType.Text), ("folded", BulkType.Text), ("exact", BulkType.Text)],
        (v, values) => { values.Add(v.Param); values.Add(v.Folded); values.Add(v.Exact); });

    private readonly Rows<DateValue> _dates = new("search_date",
        [("rk", BulkType.Integer8), ("param", BulkType.Text), ("low", BulkType.Integer8), ("high", BulkType.Integer8)],
        (v, values) => { values.Add(v.Param); values.Add(v.Low); values.Add(v.High); });

    private readonly Rows<ReferenceValue> _references = new("search_reference",
        [("rk", BulkType.Integer8), ("param", BulkType.Text), ("target_type", BulkType.Text), ("target_id", BulkType.Text)],
        (v, values) => { values.Add(v.Param); values.Add(v.TargetType ?? ""); values.Add(v.TargetId); });

    private readonly Rows<QuantityValue> _quantities = new("search_quantity",
        [("rk", BulkType.Integer8), ("param", BulkType.Text), ("system", BulkType.Text), ("code", BulkType.Text),
         ("low", BulkType.Real8), ("high", BulkType.Real8)],
        (v, values) => { values.Add(v.Param); values.Add(v.System); values.Add(v.Code); values.Add(v.Low); values.Add(v.High); });

    private readonly Rows<string> _nhsNumbers = new("patient_nhs_number",
        [("rk", BulkType.Integer8), ("nhs_number", BulkType.Text)], (v, values) => values.Add(v));

    /// <summary>True when nothing is waiting.</summary>
    public bool IsEmpty => AllTables.All(t => t.Count == 0);

    /// <summary>Adds the rows of one resource, whose key is <paramref name="rk"/>.</summary>
    public void Add(long rk, PreparedResource resource)
    {
        var index = resource.Index;
        _tokens.AddRange(rk, index.Tokens);
        _strings.AddRange(rk, index.Strings);
        _dates.AddRange(rk, index.Dates);
        _references.AddRange(rk, index.References);
        _quantities.AddRange(rk, index.Quantities);
        _nhsNumbers.AddRange(rk, resource.NhsNumbers);
    }

    /// <summary>The tables with rows, in a fixed order.</summary>
    public IEnumerable<BulkRows> AllTables => [_tokens, _strings, _dates, _references, _quantities, _nhsNumbers];

    /// <summary>Forgets every row (after they were written).</summary>
    public void Clear()
    {
        foreach (var table in AllTables)
            ((IClearable)table).Clear();
    }

    private interface IClearable
    {
        void Clear();
    }

    private sealed class Rows<T>(string table, (string, BulkType)[] columns, Action<T, IBulkValues> write) : BulkRows, IClearable
    {
        private readonly List<(long Rk, T Value)> _rows = [];

        public override string Table => table;

        public override IReadOnlyList<(string Name, BulkType Type)> Columns => columns;

        public override int Count => _rows.Count;

        public void AddRange(long rk, IReadOnlyList<T> values)
        {
            foreach (var value in values)
                _rows.Add((rk, value));
        }

        public void Clear() => _rows.Clear();

        public override void WriteRow(int index, IBulkValues values)
        {
            var (rk, value) = _rows[index];
            values.Add(rk);
            write(value, values);
        }
    }
}

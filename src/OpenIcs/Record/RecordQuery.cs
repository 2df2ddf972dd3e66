using Dapper;
using OpenIcs.Governance;
using OpenIcs.Storage;

namespace OpenIcs.Record;

/// <summary>The one way the record builds SQL that reads resources: every read path (read, vread, history, search,
/// includes, $everything, export, conditional writes) starts here, so the caller's access rules are applied in one
/// place and no side door reads the tables without them.</summary>
/// <remarks>Conditions refer to the resource table as <c>r</c>. Values are always parameters, never SQL text.</remarks>
public sealed class RecordQuery
{
    private readonly List<string> _conditions = [];
    private int _next;

    private RecordQuery(SqlDialect dialect, AccessContext access)
    {
        Dialect = dialect;
        Access = access;
    }

    /// <summary>The engine the SQL is for.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>Who is reading.</summary>
    public AccessContext Access { get; }

    /// <summary>The parameter values, for Dapper.</summary>
    public DynamicParameters Parameters { get; } = new();

    /// <summary>A query over the resources <paramref name="access"/> may see.</summary>
    public static RecordQuery Over(AccessContext access, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(access);
        var query = new RecordQuery(dialect, access);
        return query.Where(query.VisibleAs("r"));
    }

    /// <summary>Adds <paramref name="value"/> as a parameter and returns its placeholder.</summary>
    public string Add(object? value)
    {
        var name = "p" + _next++;
        Parameters.Add(name, value);
        return "@" + name;
    }

    /// <summary>A list parameter, and the condition that <paramref name="column"/> is in it.</summary>
    public string InList(string column, IEnumerable<string> values) => Dialect.InList(column, Add(Dialect.TextList(values)));

    /// <summary>A list parameter of integers, and the condition that <paramref name="column"/> is in it.</summary>
    public string InList(string column, IEnumerable<long> values) => Dialect.InList(column, Add(Dialect.IntegerList(values)));

    /// <summary>The access conditions for another alias of the resource table (chained searches, includes), so the
    /// rules apply to every resource a query passes through.</summary>
    public string VisibleAs(string alias) => RecordAccess.Condition(Access, alias, this);

    /// <summary>Adds a condition on <c>r</c> that every row must meet.</summary>
    public RecordQuery Where(string condition)
    {
        _conditions.Add(condition);
        return this;
    }

    /// <summary>The conditions joined with AND (<c>1 = 1</c> when there are none).</summary>
    public string Conditions => _conditions.Count == 0 ? "1 = 1" : string.Join(" AND ", _conditions.Select(c => $"({c})"));
}

/// <summary>Where information-governance rules narrow what a caller may read. Today every caller sees every
/// resource; the governance issue adds role, relationship, consent and sealing rules here, and nowhere else.</summary>
public static class RecordAccess
{
    /// <summary>The SQL condition that <paramref name="access"/> imposes on the resource row aliased
    /// <paramref name="alias"/>; values it needs go into <paramref name="query"/> as parameters.</summary>
    public static string Condition(AccessContext access, string alias, RecordQuery query)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrEmpty(alias);
        return "1 = 1";
    }
}

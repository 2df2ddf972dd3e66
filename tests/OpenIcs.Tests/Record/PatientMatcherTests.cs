using OpenIcs.Governance;
using OpenIcs.Record;
using OpenIcs.Record.Identity;
using OpenIcs.Storage;
using OpenIcs.Testing;
using OpenIcs.Tests.Storage;

namespace OpenIcs.Tests.Record;

public abstract class PatientMatcherTests(StoreKind kind) : StoreTests(kind)
{
    [Fact]
    public async Task Matching_records_with_injected_errors_keeps_precision_and_recall_high()
    {
        var samples = new MatchSamples(people: 400, queries: 150);
        var store = new RecordStore(Database, TimeProvider.System);
        await store.IngestAsync(samples.Stored.Select(p => RecordTestData.Prepared(p.ToPatient())).ToList(), new IngestState(), Ct);
        var matcher = new PatientMatcher(store);

        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        foreach (var (record, trueId) in samples.Queries)
        {
            var best = (await matcher.MatchAsync(AccessContext.System, Demographics(record), 3, Ct))
                .FirstOrDefault(m => m.Grade is MatchGrade.Certain or MatchGrade.Probable);
            if (best is not null && best.Patient.Id == trueId)
                truePositives++;
            else if (best is not null)
                falsePositives++;
            if (trueId is not null && best?.Patient.Id != trueId)
                falseNegatives++;
        }

        var precision = truePositives / (double)(truePositives + falsePositives);
        var recall = truePositives / (double)(truePositives + falseNegatives);
        Assert.True(precision >= 0.97, $"precision {precision:F3} (TP {truePositives}, FP {falsePositives})");
        Assert.True(recall >= 0.85, $"recall {recall:F3} (TP {truePositives}, FN {falseNegatives})");
    }

    [Fact]
    public void Names_agree_through_nicknames_typos_and_sound()
    {
        Assert.Equal(2, NameSimilarity.Agreement("Robert", "bob", givenName: true));
        Assert.Equal(1, NameSimilarity.Agreement("Thompson", "Thomson", givenName: false));
        Assert.Equal(1, NameSimilarity.Agreement("Chowdhury", "Chowdhry", givenName: false));
        Assert.Equal(0, NameSimilarity.Agreement("Smith", "Okafor", givenName: false));
        Assert.Equal(0.961, NameSimilarity.JaroWinkler("martha", "marhta"), 3);
    }

    private static Demographics Demographics(SamplePerson person) =>
        new(person.NhsNumber, person.Family, person.Given, person.BirthDate, person.Postcode, person.Gender);
}

public sealed class SqlitePatientMatcherTests() : PatientMatcherTests(StoreKind.Sqlite);

public sealed class PostgresPatientMatcherTests() : PatientMatcherTests(StoreKind.Postgres);

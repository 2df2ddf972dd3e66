using System.Globalization;
using System.Text.Json.Nodes;

namespace OpenIcs.Testing;

/// <summary>Synthetic residents for measuring record linkage: stored Patients with NHS numbers, and council- or
/// charity-style records of some of them without NHS numbers and with the errors such records have (typos, nicknames,
/// swapped day and month, a new postcode, missing fields), plus records of people who are not stored at all.</summary>
public sealed class MatchSamples
{
    private static readonly string[] Families =
    [
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts", "Robinson",
        "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel",
        "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker",
        "Harrison", "Morgan", "Allen", "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young",
        "Griffiths", "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller",
        "Cox", "Richards", "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh", "Begum", "Ali", "Ahmed",
        "Hussain", "Okafor", "Adeyemi", "Mensah", "Nowak", "Kowalski", "Silva", "Santos", "Costa", "Rossi", "Yilmaz", "Ibrahim",
        "Chowdhury", "Rahman", "Islam", "Uddin", "Miah", "Nguyen", "Chen", "Wang", "Kaur", "Gill", "Sharma", "Osei", "Boateng",
    ];

    private static readonly string[] Women =
    [
        "Olivia", "Amelia", "Isla", "Ava", "Mia", "Grace", "Sophia", "Lily", "Emily", "Freya", "Ella", "Ivy", "Florence",
        "Elizabeth", "Margaret", "Katherine", "Susan", "Jennifer", "Rebecca", "Victoria", "Samantha", "Patricia", "Deborah",
        "Alexandra", "Fatima", "Aisha", "Maryam", "Zainab", "Amira", "Chloe", "Jessica", "Hannah", "Sarah", "Laura", "Emma",
        "Lucy", "Anna", "Maria", "Joanna", "Agnieszka", "Ngozi", "Chiamaka", "Abena", "Priya", "Anjali", "Mei", "Ling",
    ];

    private static readonly string[] Men =
    [
        "Oliver", "George", "Harry", "Noah", "Jack", "Leo", "Arthur", "Muhammad", "Oscar", "Charlie", "Robert", "William",
        "James", "John", "Michael", "Richard", "Thomas", "Joseph", "Daniel", "Christopher", "Anthony", "Edward", "Alexander",
        "Samuel", "Benjamin", "Nicholas", "Jonathan", "Stephen", "Matthew", "Andrew", "David", "Hassan", "Abdullah", "Omar",
        "Yusuf", "Ibrahim", "Olusegun", "Adebayo", "Kwame", "Kofi", "Piotr", "Tomasz", "Rahul", "Arjun", "Wei", "Jun", "Luca",
    ];

    private static readonly string[] Nicknames =
    [
        "Robert:Bob", "William:Bill", "James:Jim", "John:Jack", "Michael:Mike", "Richard:Rick", "Thomas:Tom", "Joseph:Joe",
        "Daniel:Dan", "Christopher:Chris", "Anthony:Tony", "Edward:Ed", "Alexander:Alex", "Samuel:Sam", "Benjamin:Ben",
        "Nicholas:Nick", "Jonathan:Jon", "Stephen:Steve", "Matthew:Matt", "Andrew:Andy", "David:Dave", "Elizabeth:Liz",
        "Margaret:Maggie", "Katherine:Kate", "Susan:Sue", "Jennifer:Jenny", "Rebecca:Becky", "Victoria:Vicky",
        "Samantha:Sam", "Patricia:Pat", "Deborah:Debbie", "Alexandra:Alex", "Muhammad:Mohammed", "Olusegun:Segun",
    ];

    private static readonly string[] Outward =
    [
        "E1", "E2", "E3", "E5", "E6", "E8", "E9", "E10", "E11", "E13", "E14", "E15", "E16", "E17", "N1", "N4", "N7", "N15", "N16",
        "N17", "N19", "NW1", "NW5", "NW6", "NW10", "SE1", "SE5", "SE8", "SE10", "SE13", "SE15", "SE18", "SE22", "SW2", "SW4", "SW8",
        "SW9", "SW11", "SW16", "SW17", "W2", "W6", "W10", "W12", "IG1", "RM8", "CR0", "HA0", "UB1", "TW3",
    ];

    /// <summary>Builds <paramref name="people"/> stored residents and <paramref name="queries"/> records to match, of
    /// which <paramref name="absentShare"/> are of people not stored.</summary>
    public MatchSamples(int people, int queries, double absentShare = 1.0 / 3, int seed = 7)
    {
        var random = new Random(seed);
        var nhs = 999_200_000L;
        for (var i = 0; i < people; i++)
        {
            string number;
            do
            {
                nhs++;
                number = RecordSamples.WithCheckDigit(nhs.ToString(CultureInfo.InvariantCulture));
            }
            while (number.Length != 10);
            Stored.Add(Person(random, $"m-{i}", number));
        }

        for (var q = 0; q < queries; q++)
        {
            if (random.NextDouble() < absentShare)
            {
                Queries.Add((Distort(random, Person(random, $"absent-{q}", null)), null));
            }
            else
            {
                var person = Stored[random.Next(Stored.Count)];
                Queries.Add((Distort(random, person), person.Id));
            }
        }
    }

    /// <summary>The residents in the record.</summary>
    public List<SamplePerson> Stored { get; } = [];

    /// <summary>Records to match, each with the id of the stored resident it is about, or null when it is about nobody stored.</summary>
    public List<(SamplePerson Record, string? TrueId)> Queries { get; } = [];

    private static SamplePerson Person(Random random, string id, string? nhsNumber)
    {
        var female = random.Next(2) == 0;
        var given = female ? Women[random.Next(Women.Length)] : Men[random.Next(Men.Length)];
        var born = new DateTime(1930, 1, 1).AddDays(random.Next(0, 33_000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var postcode = $"{Outward[random.Next(Outward.Length)]} {random.Next(1, 10)}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}";
        return new SamplePerson(id, nhsNumber, Families[random.Next(Families.Length)], given, born, postcode, female ? "female" : "male");
    }

    private static SamplePerson Distort(Random random, SamplePerson person)
    {
        var family = random.NextDouble() < 0.15 ? Typo(random, person.Family) : person.Family;
        var given = person.Given;
        var nickname = Nicknames.Select(n => n.Split(':')).FirstOrDefault(n => n[0] == given);
        if (nickname is not null && random.NextDouble() < 0.3)
            given = nickname[1];
        else if (random.NextDouble() < 0.1)
            given = Typo(random, given);
        var born = person.BirthDate!;
        var roll = random.NextDouble();
        if (roll < 0.05 && int.Parse(born[8..10], CultureInfo.InvariantCulture) <= 12)
            born = $"{born[..4]}-{born[8..10]}-{born[5..7]}";
        else if (roll < 0.10)
            born = born[..9] + (char)('0' + ((born[9] - '0' + 1) % 10));
        var postcode = random.NextDouble() switch
        {
            < 0.2 => null,
            < 0.3 => $"{person.Postcode![..person.Postcode!.IndexOf(' ', StringComparison.Ordinal)]} {random.Next(1, 10)}ZZ",
            _ => person.Postcode,
        };
        var gender = random.NextDouble() < 0.1 ? null : person.Gender;
        return person with { NhsNumber = null, Family = family, Given = given, BirthDate = born, Postcode = postcode, Gender = gender };
    }

    private static string Typo(Random random, string name)
    {
        if (name.Length < 3)
            return name;
        var at = random.Next(1, name.Length - 1);
        return random.Next(3) switch
        {
            0 => name[..at] + name[(at + 1)..],
            1 => name[..at] + name[at + 1] + name[at] + name[(at + 2)..],
            _ => name[..at] + (char)('a' + random.Next(26)) + name[(at + 1)..],
        };
    }
}

/// <summary>One person's demographics as a record holds them.</summary>
public sealed record SamplePerson(string Id, string? NhsNumber, string Family, string Given, string? BirthDate, string? Postcode, string? Gender)
{
    /// <summary>The person as a FHIR Patient.</summary>
    public JsonObject ToPatient()
    {
        var patient = new JsonObject
        {
            ["resourceType"] = "Patient",
            ["id"] = Id,
            ["name"] = new JsonArray(new JsonObject { ["family"] = Family, ["given"] = new JsonArray(Given) }),
        };
        if (NhsNumber is not null)
            patient["identifier"] = new JsonArray(new JsonObject { ["system"] = "https://fhir.nhs.uk/Id/nhs-number", ["value"] = NhsNumber });
        if (Gender is not null)
            patient["gender"] = Gender;
        if (BirthDate is not null)
            patient["birthDate"] = BirthDate;
        if (Postcode is not null)
            patient["address"] = new JsonArray(new JsonObject { ["postalCode"] = Postcode });
        return patient;
    }
}

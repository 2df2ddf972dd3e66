namespace OpenIcs.Synthetic;

/// <summary>Plausible, common names so that records read naturally in demonstrations; chosen by sex and ethnic group.</summary>
/// <remarks>Short lists of frequent names, not a statistical model: any resemblance to a real person is coincidence, and
/// every record also carries a test-range NHS number.</remarks>
internal static class Names
{
    private static readonly NameSet British = new(
        ["Olivia", "Amelia", "Isla", "Emily", "Sophie", "Grace", "Jessica", "Lucy", "Charlotte", "Margaret", "Susan", "Patricia", "Helen", "Sarah", "Karen"],
        ["Oliver", "George", "Harry", "Jack", "Thomas", "James", "William", "Charlie", "Daniel", "David", "John", "Michael", "Peter", "Paul", "Robert"],
        ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Clarke", "Murphy"]);

    private static readonly NameSet European = new(
        ["Anna", "Maria", "Julia", "Zofia", "Elena", "Ioana", "Sofia", "Laura", "Eva", "Katarzyna", "Ana", "Giulia"],
        ["Jakub", "Piotr", "Andrei", "Marco", "Luca", "Tomasz", "Mateusz", "Alexandru", "Nikos", "Pedro", "Jan", "Stefan"],
        ["Nowak", "Kowalski", "Popescu", "Rossi", "Silva", "Santos", "Papadopoulos", "Ionescu", "Wiśniewski", "Ferreira", "Horvat", "Novak", "Kaya", "Yilmaz"]);

    private static readonly NameSet SouthAsianMuslim = new(
        ["Aisha", "Fatima", "Maryam", "Ayesha", "Zara", "Hafsa", "Sumaiya", "Nusrat", "Amina", "Sadia", "Rukhsana", "Tahmina"],
        ["Muhammad", "Ibrahim", "Yusuf", "Adam", "Ali", "Hamza", "Abdul", "Rahim", "Imran", "Tariq", "Bilal", "Shahid"],
        ["Ahmed", "Khan", "Begum", "Hussain", "Rahman", "Islam", "Uddin", "Miah", "Ali", "Chowdhury", "Akhtar", "Malik", "Iqbal", "Hossain"]);

    private static readonly NameSet SouthAsianIndian = new(
        ["Priya", "Anjali", "Kavya", "Simran", "Deepa", "Meera", "Asha", "Pooja", "Nisha", "Harpreet", "Sunita", "Lakshmi"],
        ["Arjun", "Rohan", "Aarav", "Vikram", "Rajesh", "Sanjay", "Amit", "Harjit", "Karan", "Ravi", "Suresh", "Anil"],
        ["Patel", "Shah", "Singh", "Kaur", "Sharma", "Gupta", "Kumar", "Mehta", "Desai", "Joshi", "Gill", "Sandhu", "Nair", "Reddy"]);

    private static readonly NameSet EastAsian = new(
        ["Mei", "Li", "Xin", "Yan", "Hui", "Jing", "Ying", "Lan", "Minh", "Thi", "Hana", "Ji-woo"],
        ["Wei", "Jun", "Hao", "Ming", "Jian", "Lei", "Chen", "Tuan", "Duc", "Min-jun", "Kenji", "Hiro"],
        ["Chen", "Wang", "Li", "Zhang", "Liu", "Wong", "Lam", "Cheung", "Nguyen", "Tran", "Kim", "Lee", "Tanaka", "Ho"]);

    private static readonly NameSet African = new(
        ["Grace", "Blessing", "Esther", "Adaeze", "Chioma", "Funmilayo", "Abena", "Amara", "Precious", "Faith", "Nana", "Hodan"],
        ["Emmanuel", "Samuel", "Daniel", "Chinedu", "Oluwaseun", "Kwame", "Kofi", "Tunde", "David", "Joseph", "Abdi", "Mohamed"],
        ["Okafor", "Adeyemi", "Mensah", "Osei", "Okoye", "Adebayo", "Owusu", "Boateng", "Eze", "Olawale", "Asante", "Abdi", "Mohamed", "Nwosu"]);

    private static readonly NameSet Caribbean = new(
        ["Shanice", "Tanisha", "Jasmine", "Chantelle", "Marcia", "Beverley", "Simone", "Natalie", "Maxine", "Janet", "Keisha", "Leanne"],
        ["Tyrone", "Marcus", "Jermaine", "Dwayne", "Winston", "Delroy", "Andre", "Kevin", "Lloyd", "Clive", "Leon", "Nathan"],
        ["Campbell", "Brown", "Williams", "Thomas", "Grant", "Francis", "Henry", "Clarke", "Edwards", "Morgan", "Reid", "Johnson", "Bailey", "Richards"]);

    private static readonly NameSet Arab = new(
        ["Layla", "Noor", "Yasmin", "Huda", "Rana", "Salma", "Dina", "Lina", "Mariam", "Rania", "Samira", "Hana"],
        ["Omar", "Ahmed", "Khalid", "Youssef", "Hassan", "Karim", "Tarek", "Samir", "Mustafa", "Nabil", "Rami", "Faisal"],
        ["Hassan", "Ibrahim", "Mahmoud", "Saleh", "Abdullah", "Haddad", "Nasser", "Khalil", "Mansour", "Farah", "Aziz", "Saeed"]);

    /// <summary>Draws a given and family name.</summary>
    public static (string Given, string Family) Draw(int sex, EthnicGroup group, ref RandomStream random)
    {
        var set = group switch
        {
            EthnicGroup.Bangladeshi or EthnicGroup.Pakistani => SouthAsianMuslim,
            EthnicGroup.Indian => SouthAsianIndian,
            EthnicGroup.OtherAsian => random.Chance(0.5) ? SouthAsianIndian : EastAsian,
            EthnicGroup.Chinese => EastAsian,
            EthnicGroup.African => African,
            EthnicGroup.Caribbean or EthnicGroup.OtherBlack => Caribbean,
            EthnicGroup.MixedWhiteBlackCaribbean => random.Chance(0.5) ? Caribbean : British,
            EthnicGroup.MixedWhiteBlackAfrican => random.Chance(0.5) ? African : British,
            EthnicGroup.MixedWhiteAsian => random.Chance(0.5) ? SouthAsianIndian : British,
            EthnicGroup.OtherWhite or EthnicGroup.Roma or EthnicGroup.GypsyOrIrishTraveller => European,
            EthnicGroup.Arab => Arab,
            EthnicGroup.OtherEthnicGroup => random.Chance(0.5) ? Arab : European,
            _ => British,
        };
        var given = sex == 0 ? set.Female : set.Male;
        return (given[random.Next(given.Length)], set.Family[random.Next(set.Family.Length)]);
    }

    private sealed record NameSet(string[] Female, string[] Male, string[] Family);
}

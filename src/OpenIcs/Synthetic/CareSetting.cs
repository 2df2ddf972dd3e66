namespace OpenIcs.Synthetic;

/// <summary>Where a contact happened: the OpenICS care-setting code on every Encounter's <c>serviceType</c>.</summary>
internal enum CareSetting
{
    GeneralPractice,
    Nhs111,
    Ambulance,
    EmergencyDepartment,
    EmergencyAdmission,
    Outpatient,
    MentalHealth,
    SocialCare,
    Community,
}

/// <summary>Codes, classes and annual rates of contacts with each service.</summary>
/// <remarks>
/// Rates are per person-year for a person without long-term conditions in a middle-deprivation area, by age; each is then
/// multiplied by (1 + b × number of long-term conditions), by exp(β × x) where x runs from −0.5 (least deprived decile)
/// to +0.5 (most deprived), and by a year factor that shows the 2020–21 pandemic disruption. Urgent and emergency care
/// follows published London volumes per head (NHS England A&amp;E attendances and emergency admissions, NHS 111 and
/// London Ambulance Service activity, about 0.35, 0.08, 0.2 and 0.1 a year); general practice and outpatient volumes
/// are deliberately thinned (about 0.4 GP consultations and 0.17 outpatient attendances a year per person, against five to
/// six GP-practice appointments and about 1.7 outpatient attendances of all kinds) so that a full-London
/// run stays within its time and disk budget; their gradients by age, need, deprivation and year are kept.
/// </remarks>
internal static class CareSettings
{
    /// <summary>The OpenICS care-setting code system.</summary>
    public const string CodeSystem = Fhir.OpenIcsBase + "/CodeSystem/care-setting";

    private static readonly byte[][] ServiceTypes = [.. Enum.GetValues<CareSetting>().Select(s => RawJson.Concept(CodeSystem, Code(s), Display(s)))];

    /// <summary>The <c>serviceType</c> value of a contact in <paramref name="setting"/>, as UTF-8.</summary>
    public static byte[] ServiceTypeJson(CareSetting setting) => ServiceTypes[(int)setting];

    public static string Code(CareSetting setting) => setting switch
    {
        CareSetting.GeneralPractice => "general-practice",
        CareSetting.Nhs111 => "nhs-111",
        CareSetting.Ambulance => "ambulance-999",
        CareSetting.EmergencyDepartment => "emergency-department",
        CareSetting.EmergencyAdmission => "emergency-admission",
        CareSetting.Outpatient => "outpatient",
        CareSetting.MentalHealth => "mental-health",
        CareSetting.SocialCare => "adult-social-care",
        _ => "voluntary-community",
    };

    public static string Display(CareSetting setting) => setting switch
    {
        CareSetting.GeneralPractice => "General practice consultation",
        CareSetting.Nhs111 => "NHS 111 call",
        CareSetting.Ambulance => "999 ambulance response",
        CareSetting.EmergencyDepartment => "Emergency department attendance",
        CareSetting.EmergencyAdmission => "Emergency hospital admission",
        CareSetting.Outpatient => "Outpatient attendance",
        CareSetting.MentalHealth => "Mental health service contact",
        CareSetting.SocialCare => "Adult social care assessment",
        _ => "Voluntary and community sector contact",
    };

    /// <summary>Contacts a year by age for a reference person (no conditions, mid deprivation, 2019).</summary>
    public static double BaseRate(CareSetting setting, double age, int sex) => setting switch
    {
        CareSetting.GeneralPractice => age switch
        {
            < 5 => 0.5,
            < 15 => 0.2,
            < 45 => sex == 0 ? 0.33 : 0.18,
            < 65 => 0.33,
            < 75 => 0.5,
            < 85 => 0.65,
            _ => 0.8,
        },
        CareSetting.Nhs111 => age switch
        {
            < 5 => 0.45,
            < 15 => 0.15,
            < 45 => 0.2,
            < 75 => 0.15,
            _ => 0.3,
        },
        CareSetting.Ambulance => age switch
        {
            < 15 => 0.03,
            < 45 => 0.06,
            < 65 => 0.08,
            < 75 => 0.15,
            < 85 => 0.3,
            _ => 0.6,
        },
        CareSetting.EmergencyDepartment => age switch
        {
            < 5 => 0.45,
            < 15 => 0.2,
            < 25 => 0.3,
            < 75 => 0.2,
            _ => 0.3,
        },
        CareSetting.EmergencyAdmission => age switch
        {
            < 5 => 0.07,
            < 15 => 0.025,
            < 45 => 0.045,
            < 65 => 0.07,
            < 75 => 0.12,
            < 85 => 0.22,
            _ => 0.4,
        },
        CareSetting.Outpatient => age switch
        {
            < 15 => 0.07,
            < 45 => 0.12,
            < 65 => 0.18,
            < 75 => 0.27,
            _ => 0.33,
        },
        _ => 0,
    };

    /// <summary>Extra contacts per long-term condition, as a fraction (b).</summary>
    public static double PerCondition(CareSetting setting) => setting switch
    {
        CareSetting.GeneralPractice => 0.3,
        CareSetting.Nhs111 => 0.15,
        CareSetting.Ambulance => 0.25,
        CareSetting.EmergencyDepartment => 0.15,
        CareSetting.EmergencyAdmission => 0.35,
        CareSetting.Outpatient => 0.3,
        _ => 0,
    };

    /// <summary>Log rate ratio across deprivation (β): positive means more contacts in deprived areas.</summary>
    public static double DeprivationGradient(CareSetting setting) => setting switch
    {
        CareSetting.GeneralPractice => 0.3,
        CareSetting.Nhs111 => 0.3,
        CareSetting.Ambulance => 0.5,
        CareSetting.EmergencyDepartment => 0.45,
        CareSetting.EmergencyAdmission => 0.5,
        CareSetting.Outpatient => -0.1,
        CareSetting.MentalHealth => 0.2,
        _ => 0,
    };

    /// <summary>The pandemic and recovery: activity relative to 2019 (NHS England activity statistics, 2020–2022).</summary>
    public static double YearFactor(CareSetting setting, int year) => (setting, year) switch
    {
        (CareSetting.GeneralPractice, 2020) => 0.8,
        (CareSetting.GeneralPractice, 2021) => 0.95,
        (CareSetting.Nhs111, 2020) => 1.4,
        (CareSetting.Nhs111, 2021) => 1.2,
        (CareSetting.Ambulance, 2020) => 0.95,
        (CareSetting.EmergencyDepartment, 2020) => 0.65,
        (CareSetting.EmergencyDepartment, 2021) => 0.85,
        (CareSetting.EmergencyAdmission, 2020) => 0.8,
        (CareSetting.EmergencyAdmission, 2021) => 0.9,
        (CareSetting.Outpatient, 2020) => 0.75,
        (CareSetting.Outpatient, 2021) => 0.9,
        (CareSetting.MentalHealth, 2020) => 0.9,
        _ => 1,
    };

    /// <summary>Share of GP consultations held remotely (telephone or video) in <paramref name="year"/>.</summary>
    public static double RemoteShare(int year) => year switch
    {
        < 2020 => 0.12,
        2020 => 0.55,
        2021 => 0.45,
        _ => 0.3,
    };
}

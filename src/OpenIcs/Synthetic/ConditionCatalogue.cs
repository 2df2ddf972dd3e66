namespace OpenIcs.Synthetic;

/// <summary>A SNOMED CT concept the generator records.</summary>
internal sealed record Concept(string Code, string Display, double Weight = 1, SexLimit Sex = SexLimit.Any)
{
    private byte[]? _json;
    private byte[]? _jsonArray;

    /// <summary><c>{"coding": [ … ]}</c> as UTF-8.</summary>
    public byte[] Json => _json ??= RawJson.Concept(Fhir.Snomed, Code, Display);

    /// <summary><c>[{"coding": [ … ]}]</c> as UTF-8.</summary>
    public byte[] JsonArray => _jsonArray ??= RawJson.ConceptArray(Fhir.Snomed, Code, Display);
}

/// <summary>Which sex a concept applies to.</summary>
internal enum SexLimit
{
    Any,
    Female,
    Male,
}

/// <summary>A long-term condition: its codes, the QOF register it is calibrated to, and how its risk varies.</summary>
/// <param name="Key">Short name used in resource ids (e.g. <c>t2dm</c>).</param>
/// <param name="Name">Plain name for the calibration report.</param>
/// <param name="Codes">SNOMED CT concepts; one is chosen per person by weight (e.g. the cancer site).</param>
/// <param name="QofRegister">The QOF register it is calibrated to, or null.</param>
/// <param name="QofMinAge">The register's denominator age (e.g. 17 for diabetes).</param>
/// <param name="QofShare">The share of the register this condition makes up (type 2 is about 0.9 of diabetes).</param>
/// <param name="AgeShape">Reference prevalence (%) at ages 0, 10, … 100: the shape of cumulative risk with age.</param>
/// <param name="MinOnsetAge">No onset before this age.</param>
/// <param name="MaleOddsRatio">Odds ratio, male against female.</param>
/// <param name="EthnicOddsRatios">Odds ratio against White British, per <see cref="EthnicGroup"/>.</param>
/// <param name="Loading">Weight of the shared latent health factor on the logit (multimorbidity clustering).</param>
internal sealed record ConditionDefinition(
    string Key,
    string Name,
    Concept[] Codes,
    string? QofRegister,
    int QofMinAge,
    double QofShare,
    double[] AgeShape,
    double MinOnsetAge,
    double MaleOddsRatio,
    double[] EthnicOddsRatios,
    double Loading)
{
    /// <summary>For conditions without a QOF register: the London prevalence (fraction) on Census day 2021 to calibrate to.</summary>
    public double? TargetPrevalence { get; init; }

    /// <summary>For conditions without a QOF register: odds ratio, most against least deprived decile.</summary>
    public double DeprivationOddsRatio { get; init; } = 1;
}

/// <summary>The long-term conditions the generator models, with the source of every parameter in docs/synthetic-london.md.</summary>
/// <remarks>Ethnic odds ratios are listed in <see cref="EthnicGroup"/> order: Bangladeshi, Chinese, Indian, Pakistani, other
/// Asian, African, Caribbean, other Black, Mixed White and Asian, Mixed White and Black African, Mixed White and Black
/// Caribbean, other Mixed, White British, White Irish, Gypsy or Irish Traveller, Roma, other White, Arab, any other.</remarks>
internal static class ConditionCatalogue
{
    /// <summary>Hypertension.</summary>
    public static readonly ConditionDefinition Hypertension = new("hyp", "Hypertension",
        [new("38341003", "Hypertensive disorder, systemic arterial")], "HYP", 0, 1,
        [0.01, 0.05, 0.6, 2.5, 7, 16, 30, 46, 58, 64, 66], 15, 1.2,
        [1.1, 0.8, 1.2, 1.2, 1.1, 1.5, 1.6, 1.5, 1.0, 1.2, 1.3, 1.0, 1, 1.0, 1.0, 0.9, 0.8, 1.0, 1.0], 0.8);

    /// <summary>Type 2 diabetes.</summary>
    public static readonly ConditionDefinition Type2Diabetes = new("t2dm", "Type 2 diabetes",
        [new("44054006", "Diabetes mellitus type 2")], "DM", 17, 0.9,
        [0.01, 0.02, 0.4, 1.5, 4, 8.5, 14, 19, 21, 21.5, 22], 10, 1.35,
        [3.5, 1.3, 2.8, 3.2, 2.2, 2.0, 2.2, 2.0, 1.6, 1.5, 1.5, 1.4, 1, 0.9, 1.2, 1.2, 1.0, 2.0, 1.6], 0.9);

    /// <summary>Asthma.</summary>
    public static readonly ConditionDefinition Asthma = new("asthma", "Asthma",
        [new("195967001", "Asthma")], "AST", 0, 1,
        [2, 7, 8.5, 9, 9.5, 10, 10.5, 11, 11.5, 12, 12], 1, 0.85,
        [1.1, 0.5, 0.9, 1.0, 0.8, 0.7, 1.1, 0.9, 1.0, 1.0, 1.1, 1.0, 1, 1.0, 1.1, 0.8, 0.7, 0.8, 0.8], 0.4);

    /// <summary>Chronic obstructive pulmonary disease.</summary>
    public static readonly ConditionDefinition Copd = new("copd", "COPD",
        [new("13645005", "Chronic obstructive lung disease")], "COPD", 0, 1,
        [0.001, 0.001, 0.01, 0.1, 0.5, 1.5, 3.5, 6.5, 8.5, 9.5, 10], 35, 1.2,
        [0.9, 0.4, 0.5, 0.7, 0.5, 0.3, 0.6, 0.5, 0.8, 0.8, 0.9, 0.8, 1, 1.3, 1.5, 1.0, 0.7, 0.6, 0.6], 1.0);

    /// <summary>Coronary heart disease.</summary>
    public static readonly ConditionDefinition CoronaryHeartDisease = new("chd", "Coronary heart disease",
        [new("414545008", "Ischemic heart disease")], "CHD", 0, 1,
        [0.001, 0.001, 0.01, 0.1, 0.6, 2.2, 5.5, 10.5, 16, 19, 20], 25, 2.2,
        [2.0, 0.6, 1.4, 1.8, 1.3, 0.5, 0.7, 0.6, 1.0, 0.8, 0.9, 1.0, 1, 1.1, 1.2, 1.0, 0.8, 1.3, 1.0], 1.0);

    /// <summary>Heart failure.</summary>
    public static readonly ConditionDefinition HeartFailure = new("hf", "Heart failure",
        [new("84114007", "Heart failure")], "HF", 0, 1,
        [0.005, 0.01, 0.02, 0.06, 0.2, 0.55, 1.3, 3.2, 6.5, 10, 11], 20, 1.6,
        [1.4, 0.6, 1.2, 1.4, 1.1, 1.0, 1.2, 1.1, 1.0, 1.0, 1.0, 1.0, 1, 1.0, 1.2, 1.0, 0.8, 1.1, 1.0], 1.2);

    /// <summary>Atrial fibrillation.</summary>
    public static readonly ConditionDefinition AtrialFibrillation = new("af", "Atrial fibrillation",
        [new("49436004", "Atrial fibrillation")], "AF", 0, 1,
        [0.001, 0.005, 0.02, 0.06, 0.2, 0.7, 2.2, 5.5, 11, 16, 17], 20, 1.6,
        [0.5, 0.5, 0.6, 0.5, 0.5, 0.4, 0.5, 0.5, 0.8, 0.7, 0.7, 0.8, 1, 1.0, 1.0, 0.9, 0.8, 0.6, 0.7], 0.8);

    /// <summary>Stroke and transient ischaemic attack.</summary>
    public static readonly ConditionDefinition Stroke = new("stroke", "Stroke or TIA",
        [new("230690007", "Cerebrovascular accident", 0.7), new("266257000", "Transient ischemic attack", 0.3)], "STIA", 0, 1,
        [0.005, 0.01, 0.03, 0.12, 0.35, 1.0, 2.4, 5.2, 9.5, 12.5, 13], 20, 1.2,
        [1.3, 0.9, 1.2, 1.3, 1.1, 1.3, 1.4, 1.3, 1.0, 1.1, 1.1, 1.0, 1, 1.0, 1.1, 1.0, 0.8, 1.1, 1.0], 1.0);

    /// <summary>Chronic kidney disease, stages 3 to 5.</summary>
    public static readonly ConditionDefinition ChronicKidneyDisease = new("ckd", "Chronic kidney disease (stages 3-5)",
        [new("433144002", "Chronic kidney disease stage 3", 0.9), new("431857002", "Chronic kidney disease stage 4", 0.07),
            new("433146000", "Chronic kidney disease stage 5", 0.03)], "CKD", 18, 1,
        [0.001, 0.001, 0.02, 0.2, 0.5, 1.4, 4, 10, 22, 34, 38], 18, 0.8,
        [1.4, 0.9, 1.3, 1.4, 1.2, 1.3, 1.3, 1.3, 1.0, 1.1, 1.1, 1.0, 1, 1.0, 1.1, 1.0, 0.8, 1.2, 1.0], 1.0);

    /// <summary>Cancer (QOF register: diagnosed since April 2003).</summary>
    public static readonly ConditionDefinition Cancer = new("cancer", "Cancer",
        [new("254837009", "Malignant neoplasm of breast", 0.3, SexLimit.Female), new("399068003", "Malignant tumor of prostate", 0.25, SexLimit.Male),
            new("363406005", "Malignant tumor of colon", 0.12), new("363358000", "Malignant tumor of lung", 0.06),
            new("363346000", "Malignant neoplastic disease", 0.4)], "CAN", 0, 1,
        [0.02, 0.08, 0.2, 0.6, 1.4, 3.0, 6.0, 10.5, 14.5, 16.5, 17], 0, 0.85,
        [0.4, 0.5, 0.6, 0.5, 0.5, 0.6, 0.8, 0.7, 0.8, 0.8, 0.8, 0.8, 1, 1.0, 0.9, 0.7, 0.75, 0.5, 0.6], 0.5);

    /// <summary>Depression (QOF register, adults).</summary>
    public static readonly ConditionDefinition Depression = new("depression", "Depression",
        [new("35489007", "Depressive disorder")], "DEP", 18, 1,
        [0.001, 0.3, 7, 11, 13, 14, 14.5, 15, 15.5, 16, 16], 12, 0.55,
        [0.6, 0.35, 0.55, 0.7, 0.6, 0.4, 0.7, 0.6, 0.9, 0.9, 1.0, 0.9, 1, 1.0, 1.2, 0.8, 0.7, 0.7, 0.7], 0.7);

    /// <summary>Severe mental illness: schizophrenia, bipolar disorder and other psychoses.</summary>
    public static readonly ConditionDefinition SevereMentalIllness = new("smi", "Severe mental illness",
        [new("58214004", "Schizophrenia", 0.45), new("13746004", "Bipolar disorder", 0.35), new("69322001", "Psychotic disorder", 0.2)],
        "MH", 0, 1,
        [0.001, 0.01, 0.5, 1.0, 1.3, 1.5, 1.6, 1.7, 1.75, 1.8, 1.8], 14, 1.15,
        [1.4, 0.9, 1.1, 1.3, 1.3, 2.6, 3.0, 2.8, 1.3, 1.9, 2.1, 1.5, 1, 1.2, 1.5, 1.2, 1.0, 1.3, 1.4], 0.6);

    /// <summary>Dementia.</summary>
    public static readonly ConditionDefinition Dementia = new("dementia", "Dementia",
        [new("52448006", "Dementia")], "DEM", 0, 1,
        [0.0001, 0.0001, 0.0005, 0.002, 0.02, 0.15, 0.7, 3, 10, 24, 32], 40, 0.85,
        [1.2, 0.8, 1.1, 1.2, 1.0, 1.3, 1.5, 1.4, 1.0, 1.0, 1.1, 1.0, 1, 1.0, 1.0, 1.0, 0.9, 1.0, 1.0], 0.9);

    /// <summary>Learning disability.</summary>
    public static readonly ConditionDefinition LearningDisability = new("ld", "Learning disability",
        [new("110359009", "Intellectual disability")], "LD", 0, 1,
        [0.2, 0.55, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6], 0, 1.6,
        [1.3, 0.8, 1.0, 1.3, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1, 1.0, 1.2, 1.0, 0.8, 1.1, 1.0], 0.3);

    /// <summary>Obesity (QOF register: adults with BMI of 30 or more recorded).</summary>
    public static readonly ConditionDefinition Obesity = new("obesity", "Obesity",
        [new("414916001", "Obesity")], "OB", 18, 1,
        [0.001, 0.001, 3, 6, 8.5, 10.5, 12, 12.5, 12.5, 12.5, 12.5], 16, 0.8,
        [0.9, 0.25, 0.8, 1.0, 0.7, 1.6, 1.5, 1.5, 0.9, 1.3, 1.3, 1.0, 1, 1.0, 1.3, 1.0, 0.8, 1.1, 0.9], 0.6);

    /// <summary>HIV, calibrated to London residents in HIV care (no QOF register).</summary>
    public static readonly ConditionDefinition Hiv = new("hiv", "HIV",
        [new("86406008", "Human immunodeficiency virus infection")], null, 0, 1,
        [0.001, 0.002, 0.08, 0.4, 0.8, 1.0, 1.05, 1.05, 1.05, 1.05, 1.05], 0, 1.7,
        [0.5, 0.4, 0.4, 0.4, 0.7, 25, 4, 8, 1.5, 8, 4, 2.5, 1, 1.2, 1.0, 1.5, 2.0, 1.0, 2.0], 0.3)
    {
        TargetPrevalence = 36_000 / 8_800_000.0,
        DeprivationOddsRatio = 1.6,
    };

    /// <summary>The conditions whose onset follows the age-driven model, in the order their resources are written.</summary>
    public static readonly ConditionDefinition[] AgeDriven =
    [
        Hypertension, Type2Diabetes, Asthma, Copd, CoronaryHeartDisease, HeartFailure, AtrialFibrillation, Stroke,
        ChronicKidneyDisease, Cancer, Depression, SevereMentalIllness, Dementia, LearningDisability, Obesity, Hiv,
    ];

    /// <summary>Sickle cell disease: present from birth, by ethnic group (no QOF register).</summary>
    public static readonly Concept SickleCell = new("417357006", "Sickling disorder due to hemoglobin S");

    /// <summary>Post-COVID-19 syndrome (long COVID), from 2020.</summary>
    public static readonly Concept LongCovid = new("1325161000000102", "Post-COVID-19 syndrome");

    /// <summary>Social isolation, recorded as a finding.</summary>
    public static readonly Concept SocialIsolation = new("422650009", "Social isolation");

    /// <summary>Prevalence of sickle cell disease by ethnic group (fraction), in <see cref="EthnicGroup"/> order.</summary>
    /// <remarks>About 15,000 people live with sickle cell disease in the UK (Sickle Cell Society; NHS England), most of
    /// African or Caribbean heritage and around half in London; these rates give about 6,800 Londoners.</remarks>
    public static readonly double[] SickleCellPrevalence =
        [0.00005, 0.00001, 0.0001, 0.0001, 0.0001, 0.006, 0.005, 0.005, 0.0001, 0.0012, 0.001, 0.0003, 0.00001, 0.00001, 0.00001, 0.00001, 0.00002, 0.0004, 0.0003];
}

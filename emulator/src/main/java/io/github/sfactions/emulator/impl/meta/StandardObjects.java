package io.github.sfactions.emulator.impl.meta;

import static io.github.sfactions.emulator.impl.meta.FieldType.*;

import java.util.ArrayList;
import java.util.List;

/** The standard objects the connectors target, with their real standard fields and create rules. */
public final class StandardObjects {
  public static final String LEAD = "Lead";
  public static final String ACCOUNT = "Account";
  public static final String CONTACT = "Contact";
  public static final String OPPORTUNITY = "Opportunity";
  public static final String CASE = "Case";
  public static final String USER = "User";
  public static final String ORGANIZATION = "Organization";

  /** Objects the org maintains itself: readable through every API, never written through them. */
  public static final java.util.Set<String> ORG_MANAGED = java.util.Set.of(USER, ORGANIZATION);

  private StandardObjects() {}

  public static List<ObjectDef> all() {
    return List.of(
        lead(), account(), contact(), opportunity(), caseObject(), user(), organization());
  }

  /** True for {@link #ORG_MANAGED} objects. */
  public static boolean orgManaged(ObjectDef def) {
    return ORG_MANAGED.contains(def.name());
  }

  static ObjectDef user() {
    List<FieldDef> f = systemFields(false);
    f.add(
        FieldDef.builder("Username", STRING)
            .label("Username")
            .length(80)
            .nillable(false)
            .unique(true)
            .idLookup(true)
            .build());
    f.add(FieldDef.builder("FirstName", STRING).label("First Name").length(40).build());
    f.add(
        FieldDef.builder("LastName", STRING).label("Last Name").length(80).nillable(false).build());
    f.add(
        FieldDef.builder("Name", STRING)
            .label("Full Name")
            .length(121)
            .readOnly()
            .idLookup(true)
            .build());
    f.add(FieldDef.builder("Alias", STRING).label("Alias").length(8).build());
    f.add(FieldDef.builder("Email", EMAIL).label("Email").nillable(false).build());
    f.add(FieldDef.builder("IsActive", BOOLEAN).label("Active").build());
    f.add(
        picklist("UserType", "User Type", List.of("Standard", "PowerPartner", "CsnOnly", "Guest")));
    f.add(FieldDef.builder("TimeZoneSidKey", STRING).label("Time Zone").length(40).build());
    f.add(FieldDef.builder("LocaleSidKey", STRING).label("Locale").length(40).build());
    f.add(FieldDef.builder("LanguageLocaleKey", STRING).label("Language").length(40).build());
    return new ObjectDef(USER, "User", "Users", "005", false, f);
  }

  static ObjectDef organization() {
    List<FieldDef> f = systemFields(false);
    f.add(FieldDef.builder("Name", STRING).label("Name").length(80).nillable(false).build());
    f.add(FieldDef.builder("IsSandbox", BOOLEAN).label("Is Sandbox").readOnly().build());
    f.add(
        FieldDef.builder("OrganizationType", STRING)
            .label("Edition")
            .length(40)
            .readOnly()
            .build());
    f.add(
        FieldDef.builder("InstanceName", STRING)
            .label("Instance Name")
            .length(5)
            .readOnly()
            .build());
    f.add(
        FieldDef.builder("NamespacePrefix", STRING)
            .label("Namespace Prefix")
            .length(15)
            .readOnly()
            .build());
    f.add(FieldDef.builder("TimeZoneSidKey", STRING).label("Default Time Zone").length(40).build());
    f.add(FieldDef.builder("LanguageLocaleKey", STRING).label("Language").length(40).build());
    f.add(FieldDef.builder("DefaultLocaleSidKey", STRING).label("Locale").length(40).build());
    return new ObjectDef(ORGANIZATION, "Organization", "Organizations", "00D", false, f);
  }

  /** Id, audit fields and IsDeleted, which every object has and nobody may write. */
  static List<FieldDef> systemFields(boolean withOwner) {
    List<FieldDef> f = new ArrayList<>();
    f.add(
        FieldDef.builder("Id", ID)
            .label("Record ID")
            .readOnly()
            .nillable(false)
            .idLookup(true)
            .defaultedOnCreate(true)
            .build());
    f.add(FieldDef.builder("IsDeleted", BOOLEAN).label("Deleted").readOnly().build());
    if (withOwner) {
      f.add(
          FieldDef.builder("OwnerId", REFERENCE)
              .label("Owner ID")
              .nillable(false)
              .defaultedOnCreate(true)
              .referenceTo(USER, "Owner")
              .build());
    }
    f.add(
        FieldDef.builder("CreatedDate", DATETIME)
            .label("Created Date")
            .readOnly()
            .nillable(false)
            .defaultedOnCreate(true)
            .build());
    f.add(
        FieldDef.builder("CreatedById", REFERENCE)
            .label("Created By ID")
            .readOnly()
            .nillable(false)
            .defaultedOnCreate(true)
            .referenceTo(USER, "CreatedBy")
            .build());
    f.add(
        FieldDef.builder("LastModifiedDate", DATETIME)
            .label("Last Modified Date")
            .readOnly()
            .nillable(false)
            .defaultedOnCreate(true)
            .build());
    f.add(
        FieldDef.builder("LastModifiedById", REFERENCE)
            .label("Last Modified By ID")
            .readOnly()
            .nillable(false)
            .defaultedOnCreate(true)
            .referenceTo(USER, "LastModifiedBy")
            .build());
    f.add(
        FieldDef.builder("SystemModstamp", DATETIME)
            .label("System Modstamp")
            .readOnly()
            .nillable(false)
            .defaultedOnCreate(true)
            .build());
    return f;
  }

  private static List<FieldDef> address(String prefix, String labelPrefix) {
    return List.of(
        FieldDef.builder(prefix + "Street", TEXTAREA)
            .label(labelPrefix + " Street")
            .length(255)
            .build(),
        FieldDef.builder(prefix + "City", STRING).label(labelPrefix + " City").length(40).build(),
        FieldDef.builder(prefix + "State", STRING)
            .label(labelPrefix + " State/Province")
            .length(80)
            .build(),
        FieldDef.builder(prefix + "PostalCode", STRING)
            .label(labelPrefix + " Zip/Postal Code")
            .length(20)
            .build(),
        FieldDef.builder(prefix + "Country", STRING)
            .label(labelPrefix + " Country")
            .length(80)
            .build());
  }

  private static FieldDef picklist(String name, String label, List<String> values) {
    return FieldDef.builder(name, PICKLIST)
        .label(label)
        .length(255)
        .picklist(values, false)
        .build();
  }

  private static FieldDef description() {
    return FieldDef.builder("Description", TEXTAREA).label("Description").longText(32000).build();
  }

  private static FieldDef compoundName(int length) {
    return FieldDef.builder("Name", STRING)
        .label("Full Name")
        .length(length)
        .readOnly()
        .calculated(false)
        .nillable(false)
        .defaultedOnCreate(true)
        .idLookup(true)
        .build();
  }

  static ObjectDef lead() {
    List<FieldDef> f = systemFields(true);
    f.add(FieldDef.builder("FirstName", STRING).label("First Name").length(40).build());
    f.add(FieldDef.builder("LastName", STRING).label("Last Name").length(80).required().build());
    f.add(compoundName(121));
    f.add(FieldDef.builder("Title", STRING).label("Title").length(128).build());
    f.add(FieldDef.builder("Company", STRING).label("Company").length(255).required().build());
    f.addAll(address("", ""));
    f.add(FieldDef.builder("Phone", PHONE).label("Phone").build());
    f.add(FieldDef.builder("MobilePhone", PHONE).label("Mobile Phone").build());
    f.add(FieldDef.builder("Email", EMAIL).label("Email").idLookup(true).build());
    f.add(FieldDef.builder("Website", URL).label("Website").build());
    f.add(description());
    f.add(
        picklist(
            "LeadSource",
            "Lead Source",
            List.of("Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other")));
    f.add(
        FieldDef.builder("Status", PICKLIST)
            .label("Status")
            .nillable(false)
            .picklist(
                List.of(
                    "Open - Not Contacted",
                    "Working - Contacted",
                    "Closed - Converted",
                    "Closed - Not Converted"),
                false)
            .defaultValue("Open - Not Contacted")
            .build());
    f.add(
        picklist("Industry", "Industry", List.of("Agriculture", "Banking", "Technology", "Other")));
    f.add(picklist("Rating", "Rating", List.of("Hot", "Warm", "Cold")));
    f.add(FieldDef.builder("AnnualRevenue", CURRENCY).label("Annual Revenue").build());
    f.add(FieldDef.builder("NumberOfEmployees", INT).label("Employees").precision(8, 0).build());
    f.add(FieldDef.builder("IsConverted", BOOLEAN).label("Converted").readOnly().build());
    return new ObjectDef(LEAD, "Lead", "Leads", "00Q", false, f);
  }

  static ObjectDef account() {
    List<FieldDef> f = systemFields(true);
    f.add(
        FieldDef.builder("Name", STRING)
            .label("Account Name")
            .length(255)
            .required()
            .idLookup(true)
            .build());
    f.add(FieldDef.builder("AccountNumber", STRING).label("Account Number").length(40).build());
    f.add(
        picklist(
            "Type",
            "Account Type",
            List.of("Prospect", "Customer - Direct", "Customer - Channel", "Partner", "Other")));
    f.add(
        FieldDef.builder("ParentId", REFERENCE)
            .label("Parent Account ID")
            .referenceTo(ACCOUNT, "Parent")
            .build());
    f.addAll(address("Billing", "Billing"));
    f.addAll(address("Shipping", "Shipping"));
    f.add(FieldDef.builder("Phone", PHONE).label("Account Phone").build());
    f.add(FieldDef.builder("Fax", PHONE).label("Account Fax").build());
    f.add(FieldDef.builder("Website", URL).label("Website").build());
    f.add(
        picklist("Industry", "Industry", List.of("Agriculture", "Banking", "Technology", "Other")));
    f.add(FieldDef.builder("AnnualRevenue", CURRENCY).label("Annual Revenue").build());
    f.add(FieldDef.builder("NumberOfEmployees", INT).label("Employees").precision(8, 0).build());
    f.add(description());
    return new ObjectDef(ACCOUNT, "Account", "Accounts", "001", false, f);
  }

  static ObjectDef contact() {
    List<FieldDef> f = systemFields(true);
    f.add(
        FieldDef.builder("AccountId", REFERENCE)
            .label("Account ID")
            .referenceTo(ACCOUNT, "Account")
            .build());
    f.add(FieldDef.builder("FirstName", STRING).label("First Name").length(40).build());
    f.add(FieldDef.builder("LastName", STRING).label("Last Name").length(80).required().build());
    f.add(compoundName(121));
    f.add(FieldDef.builder("Title", STRING).label("Title").length(128).build());
    f.add(FieldDef.builder("Department", STRING).label("Department").length(80).build());
    f.addAll(address("Mailing", "Mailing"));
    f.add(FieldDef.builder("Phone", PHONE).label("Business Phone").build());
    f.add(FieldDef.builder("MobilePhone", PHONE).label("Mobile Phone").build());
    f.add(FieldDef.builder("Email", EMAIL).label("Email").idLookup(true).build());
    f.add(FieldDef.builder("Birthdate", DATE).label("Birthdate").build());
    f.add(
        picklist(
            "LeadSource",
            "Lead Source",
            List.of("Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other")));
    f.add(description());
    return new ObjectDef(CONTACT, "Contact", "Contacts", "003", false, f);
  }

  static ObjectDef opportunity() {
    List<FieldDef> f = systemFields(true);
    f.add(
        FieldDef.builder("AccountId", REFERENCE)
            .label("Account ID")
            .referenceTo(ACCOUNT, "Account")
            .build());
    f.add(FieldDef.builder("Name", STRING).label("Name").length(120).required().build());
    f.add(description());
    f.add(
        FieldDef.builder("StageName", PICKLIST)
            .label("Stage")
            .required()
            .picklist(
                List.of(
                    "Prospecting",
                    "Qualification",
                    "Needs Analysis",
                    "Proposal/Price Quote",
                    "Negotiation/Review",
                    "Closed Won",
                    "Closed Lost"),
                false)
            .build());
    f.add(FieldDef.builder("Amount", CURRENCY).label("Amount").build());
    f.add(
        FieldDef.builder("Probability", PERCENT).label("Probability (%)").precision(3, 0).build());
    f.add(FieldDef.builder("CloseDate", DATE).label("Close Date").required().build());
    f.add(
        picklist(
            "Type",
            "Opportunity Type",
            List.of(
                "New Customer",
                "Existing Customer - Upgrade",
                "Existing Customer - Replacement",
                "Existing Customer - Downgrade")));
    f.add(FieldDef.builder("NextStep", STRING).label("Next Step").length(255).build());
    f.add(
        picklist(
            "LeadSource",
            "Lead Source",
            List.of("Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other")));
    f.add(
        FieldDef.builder("IsClosed", BOOLEAN).label("Closed").readOnly().calculated(true).build());
    f.add(FieldDef.builder("IsWon", BOOLEAN).label("Won").readOnly().calculated(true).build());
    return new ObjectDef(OPPORTUNITY, "Opportunity", "Opportunities", "006", false, f);
  }

  static ObjectDef caseObject() {
    List<FieldDef> f = systemFields(true);
    f.add(
        FieldDef.builder("CaseNumber", STRING)
            .label("Case Number")
            .length(30)
            .readOnly()
            .autoNumber(true)
            .nillable(false)
            .defaultedOnCreate(true)
            .idLookup(true)
            .build());
    f.add(
        FieldDef.builder("ContactId", REFERENCE)
            .label("Contact ID")
            .referenceTo(CONTACT, "Contact")
            .build());
    f.add(
        FieldDef.builder("AccountId", REFERENCE)
            .label("Account ID")
            .referenceTo(ACCOUNT, "Account")
            .build());
    f.add(FieldDef.builder("SuppliedName", STRING).label("Name").length(80).build());
    f.add(FieldDef.builder("SuppliedEmail", EMAIL).label("Email Address").build());
    f.add(FieldDef.builder("SuppliedPhone", STRING).label("Phone").length(40).build());
    f.add(FieldDef.builder("SuppliedCompany", STRING).label("Company").length(80).build());
    f.add(
        picklist(
            "Type",
            "Case Type",
            List.of("Mechanical", "Electrical", "Electronic", "Structural", "Other")));
    f.add(
        FieldDef.builder("Status", PICKLIST)
            .label("Status")
            .picklist(List.of("New", "Working", "Escalated", "Closed"), false)
            .defaultValue("New")
            .build());
    f.add(
        picklist(
            "Reason",
            "Case Reason",
            List.of(
                "Installation",
                "Equipment Complexity",
                "Performance",
                "Breakdown",
                "Equipment Design",
                "Feedback",
                "Other")));
    f.add(picklist("Origin", "Case Origin", List.of("Phone", "Email", "Web")));
    f.add(FieldDef.builder("Subject", STRING).label("Subject").length(255).build());
    f.add(
        FieldDef.builder("Priority", PICKLIST)
            .label("Priority")
            .picklist(List.of("High", "Medium", "Low"), false)
            .defaultValue("Medium")
            .build());
    f.add(description());
    f.add(
        FieldDef.builder("IsClosed", BOOLEAN).label("Closed").readOnly().calculated(true).build());
    return new ObjectDef(CASE, "Case", "Cases", "500", false, f);
  }

  /** Standard fields every custom object has besides the system fields. */
  public static List<FieldDef> customObjectBaseFields() {
    List<FieldDef> f = systemFields(true);
    f.add(FieldDef.builder("Name", STRING).label("Name").length(80).idLookup(true).build());
    return f;
  }
}

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR" sourcelanguage="en">
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="35"/>
        <source>New company</source>
        <translation>شرکت جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="36"/>
        <source>Edit company</source>
        <translation>ویرایش شرکت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="46"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="47"/>
        <source>National ID (legal entity)</source>
        <translation>شناسه ملی (شخص حقوقی)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="48"/>
        <source>Economic code</source>
        <translation>کد اقتصادی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="49"/>
        <source>Registration number</source>
        <translation>شماره ثبت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="50"/>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="51"/>
        <source>Fax</source>
        <translation>نمابر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="52"/>
        <source>E-mail</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="54"/>
        <source>Website</source>
        <translation>وب‌سایت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="56"/>
        <source>Industry</source>
        <translation>صنعت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="57"/>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="58"/>
        <source>Address</source>
        <translation>نشانی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="59"/>
        <source>Postal code</source>
        <translation>کد پستی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="60"/>
        <source>Owner</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="62"/>
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/accounts_model.py" line="14"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/accounts_model.py" line="17"/>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/accounts_model.py" line="20"/>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/accounts_model.py" line="21"/>
        <source>Industry</source>
        <translation>صنعت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/accounts_model.py" line="25"/>
        <source>Contacts</source>
        <translation>مخاطبان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/accounts_model.py" line="29"/>
        <source>Owner</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/accounts_model.py" line="32"/>
        <source>Created</source>
        <translation>تاریخ ثبت</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/activity_dialog.py" line="36"/>
        <source>Log a call</source>
        <translation>ثبت تماس</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/activity_dialog.py" line="36"/>
        <source>Add a note</source>
        <translation>افزودن یادداشت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/activity_dialog.py" line="37"/>
        <source>Add a task</source>
        <translation>افزودن وظیفه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/activity_dialog.py" line="38"/>
        <source>Add an activity</source>
        <translation>افزودن فعالیت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/activity_dialog.py" line="40"/>
        <source>Subject</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/activity_dialog.py" line="42"/>
        <source>Due date</source>
        <translation>موعد انجام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/activity_dialog.py" line="44"/>
        <source>Outcome</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/activity_dialog.py" line="45"/>
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
</context>
<context>
    <name>CompaniesView</name>
    <message>
        <location filename="../crm_desktop/ui/views/companies.py" line="37"/>
        <source>Search name, phone, national ID, e-mail or city (Ctrl+F)</source>
        <translation>جستجوی نام، تلفن، شناسه ملی، ایمیل یا شهر (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/companies.py" line="29"/>
        <source>All cities</source>
        <translation>همه شهرها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/companies.py" line="31"/>
        <source>All owners</source>
        <translation>همه مسئولان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/companies.py" line="36"/>
        <source>New company</source>
        <translation>شرکت جدید</translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/views/companies.py" line="48"/>
        <source>%Ln company(s)</source>
        <translation>
            <numerusform>%Ln شرکت</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/companies.py" line="62"/>
        <source>Move {name} to the Trash? Its people and deals are kept. You can restore it from Edit &gt; Trash.</source>
        <translation>«{name}» به سطل بازیافت منتقل شود؟ مخاطبان و معامله‌های آن حذف نمی‌شوند. می‌توانید آن را از منوی «ویرایش ← سطل بازیافت» بازگردانید.</translation>
    </message>
</context>
<context>
    <name>CompanyPanel</name>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="43"/>
        <source>Choose a company in the list to see its details, people and deals here.</source>
        <translation>یک شرکت را از فهرست انتخاب کنید تا جزئیات، مخاطبان و معامله‌های آن در اینجا نمایش داده شود.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="66"/>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="66"/>
        <source>Fax</source>
        <translation>نمابر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="67"/>
        <source>E-mail</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="67"/>
        <source>Website</source>
        <translation>وب‌سایت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="68"/>
        <source>National ID (legal entity)</source>
        <translation>شناسه ملی (شخص حقوقی)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="69"/>
        <source>Economic code</source>
        <translation>کد اقتصادی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="70"/>
        <source>Registration number</source>
        <translation>شماره ثبت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="71"/>
        <source>Industry</source>
        <translation>صنعت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="71"/>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="72"/>
        <source>Address</source>
        <translation>نشانی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="72"/>
        <source>Postal code</source>
        <translation>کد پستی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="73"/>
        <source>Owner</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="73"/>
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="160"/>
        <source>Contacts</source>
        <translation>مخاطبان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="164"/>
        <source>No contacts yet: choose this company in a contact&apos;s form to link them.</source>
        <translation>هنوز مخاطبی به این شرکت وصل نشده است؛ برای وصل کردن، این شرکت را در فرم مخاطب انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="177"/>
        <source>Deals</source>
        <translation>معامله‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="181"/>
        <source>No deals yet.</source>
        <translation>هنوز معامله‌ای ثبت نشده است.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="191"/>
        <source>{what} ({n})</source>
        <translation>{what} ({n})</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="55"/>
        <source>New contact</source>
        <translation>مخاطب جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="56"/>
        <source>Edit contact</source>
        <translation>ویرایش مخاطب</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="69"/>
        <source>First name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="70"/>
        <source>Last name</source>
        <translation>نام خانوادگی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="71"/>
        <source>Mobile</source>
        <translation>موبایل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="72"/>
        <source>Second mobile</source>
        <translation>موبایل دوم</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="73"/>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="74"/>
        <source>E-mail</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="76"/>
        <source>National code</source>
        <translation>کد ملی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="77"/>
        <source>Birthday</source>
        <translation>تاریخ تولد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="80"/>
        <source>Gender</source>
        <translation>جنسیت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="81"/>
        <source>Company</source>
        <translation>شرکت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="82"/>
        <source>(none)</source>
        <translation>(ندارد)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="83"/>
        <source>Job title</source>
        <translation>سمت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="84"/>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="85"/>
        <source>Address</source>
        <translation>نشانی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="86"/>
        <source>Postal code</source>
        <translation>کد پستی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="87"/>
        <source>Lifecycle stage</source>
        <translation>مرحله مشتری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="88"/>
        <source>How they found us</source>
        <translation>نحوه آشنایی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="89"/>
        <source>(unknown)</source>
        <translation>(نامشخص)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="90"/>
        <source>Owner</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="92"/>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="93"/>
        <source>for example: VIP, wholesale</source>
        <translation>مثلاً: ویژه، عمده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="94"/>
        <source>Marketing messages</source>
        <translation>پیام‌های تبلیغاتی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="135"/>
        <source>Open that contact</source>
        <translation>باز کردن آن مخاطب</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="95"/>
        <source>Agrees to SMS</source>
        <translation>با دریافت پیامک موافق است</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="96"/>
        <source>Agrees to e-mail</source>
        <translation>با دریافت ایمیل موافق است</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="97"/>
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="133"/>
        <source>{name} already has this mobile or national code.</source>
        <translation>این موبایل یا کد ملی قبلاً برای «{name}» ثبت شده است.</translation>
    </message>
</context>
<context>
    <name>ContactPanel</name>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="35"/>
        <source>Choose a contact in the list to see their details and history here.</source>
        <translation>یک مخاطب را از فهرست انتخاب کنید تا جزئیات و سوابق او در اینجا نمایش داده شود.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="57"/>
        <source>Log a call</source>
        <translation>ثبت تماس</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="57"/>
        <source>Add a note</source>
        <translation>افزودن یادداشت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="58"/>
        <source>Add a task</source>
        <translation>افزودن وظیفه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="58"/>
        <source>New deal</source>
        <translation>معامله جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="59"/>
        <source>New ticket</source>
        <translation>تیکت جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="71"/>
        <source>Mobile</source>
        <translation>موبایل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="71"/>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="72"/>
        <source>E-mail</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="72"/>
        <source>National code</source>
        <translation>کد ملی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="73"/>
        <source>Birthday</source>
        <translation>تاریخ تولد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="73"/>
        <source>Company</source>
        <translation>شرکت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="74"/>
        <source>Job title</source>
        <translation>سمت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="74"/>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="75"/>
        <source>Address</source>
        <translation>نشانی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="75"/>
        <source>Owner</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="76"/>
        <source>How they found us</source>
        <translation>نحوه آشنایی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="76"/>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="77"/>
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="92"/>
        <source>History</source>
        <translation>سوابق</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="146"/>
        <source>No history yet: calls, notes, deals, proformas and tickets will appear here.</source>
        <translation>هنوز سابقه‌ای ثبت نشده است؛ تماس‌ها، یادداشت‌ها، معامله‌ها، پیش‌فاکتورها و تیکت‌ها در اینجا نمایش داده می‌شوند.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="160"/>
        <source>Deal</source>
        <translation>معامله</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="162"/>
        <source>Proforma</source>
        <translation>پیش‌فاکتور</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="164"/>
        <source>Ticket</source>
        <translation>تیکت</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/contacts_model.py" line="15"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/contacts_model.py" line="18"/>
        <source>Mobile</source>
        <translation>موبایل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/contacts_model.py" line="22"/>
        <source>Company</source>
        <translation>شرکت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/contacts_model.py" line="23"/>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/contacts_model.py" line="26"/>
        <source>Stage</source>
        <translation>مرحله</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/contacts_model.py" line="30"/>
        <source>Owner</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/contacts_model.py" line="33"/>
        <source>Last activity</source>
        <translation>آخرین فعالیت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/contacts_model.py" line="39"/>
        <source>Created</source>
        <translation>تاریخ ثبت</translation>
    </message>
</context>
<context>
    <name>ContactsView</name>
    <message>
        <location filename="../crm_desktop/ui/views/contacts.py" line="44"/>
        <source>Search name, mobile, e-mail or national code (Ctrl+F)</source>
        <translation>جستجوی نام، موبایل، ایمیل یا کد ملی (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contacts.py" line="32"/>
        <source>All stages</source>
        <translation>همه مراحل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contacts.py" line="34"/>
        <source>All cities</source>
        <translation>همه شهرها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contacts.py" line="36"/>
        <source>All tags</source>
        <translation>همه برچسب‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contacts.py" line="38"/>
        <source>All owners</source>
        <translation>همه مسئولان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contacts.py" line="43"/>
        <source>New contact</source>
        <translation>مخاطب جدید</translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/views/contacts.py" line="56"/>
        <source>%Ln contact(s)</source>
        <translation>
            <numerusform>%Ln مخاطب</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contacts.py" line="70"/>
        <source>Move {name} to the Trash? You can restore it from Edit &gt; Trash.</source>
        <translation>«{name}» به سطل بازیافت منتقل شود؟ می‌توانید آن را از منوی «ویرایش ← سطل بازیافت» بازگردانید.</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../crm_desktop/ui/controller.py" line="42"/>
        <source>This database cannot be opened:</source>
        <translation>این پایگاه داده را نمی‌توان باز کرد:</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../crm_desktop/ui/errors.py" line="19"/>
        <source>Please check</source>
        <translation>لطفاً بررسی کنید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/errors.py" line="31"/>
        <source>Something went wrong and this action was not completed. Your saved data is safe. The details were written to the log file ({file}).</source>
        <translation>مشکلی پیش آمد و این کار انجام نشد. اطلاعات ذخیره‌شده شما محفوظ است. جزئیات در پرونده گزارش رویدادها ({file}) ثبت شد.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/errors.py" line="39"/>
        <source>Sorry</source>
        <translation>پوزش می‌خواهیم</translation>
    </message>
</context>
<context>
    <name>GlobalSearch</name>
    <message>
        <location filename="../crm_desktop/ui/widgets/global_search.py" line="24"/>
        <source>Search contacts, companies, deals and tickets (Ctrl+K)</source>
        <translation>جستجو در مخاطبان، شرکت‌ها، معامله‌ها و تیکت‌ها (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/global_search.py" line="50"/>
        <source>Contacts</source>
        <translation>مخاطبان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/global_search.py" line="50"/>
        <source>Companies</source>
        <translation>شرکت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/global_search.py" line="51"/>
        <source>Deals</source>
        <translation>معامله‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/global_search.py" line="51"/>
        <source>Tickets</source>
        <translation>تیکت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/global_search.py" line="89"/>
        <source>Nothing found. Try fewer letters or another spelling.</source>
        <translation>چیزی پیدا نشد. حروف کمتری بنویسید یا املای دیگری را امتحان کنید.</translation>
    </message>
</context>
<context>
    <name>JalaliDateEdit</name>
    <message>
        <location filename="../crm_desktop/ui/widgets/jalali_date_edit.py" line="295"/>
        <source>e.g. 1405/09/01</source>
        <translation>مثلاً ۱۴۰۵/۰۹/۰۱</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/jalali_date_edit.py" line="296"/>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/jalali_date_edit.py" line="297"/>
        <source>Choose the date from a calendar (Alt+Down)</source>
        <translation>انتخاب تاریخ از تقویم (Alt+Down)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/jalali_date_edit.py" line="298"/>
        <source>Open calendar</source>
        <translation>باز کردن تقویم</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="20"/>
        <source>Lead</source>
        <translation>سرنخ</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="21"/>
        <source>Prospect</source>
        <translation>مشتری بالقوه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="22"/>
        <source>Customer</source>
        <translation>مشتری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="23"/>
        <source>Loyal customer</source>
        <translation>مشتری وفادار</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="24"/>
        <source>Lost customer</source>
        <translation>مشتری ازدست‌رفته</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="30"/>
        <source>Not specified</source>
        <translation>نامشخص</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="31"/>
        <source>Female</source>
        <translation>زن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="32"/>
        <source>Male</source>
        <translation>مرد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="38"/>
        <source>Walked in</source>
        <translation>مراجعه حضوری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="39"/>
        <source>Referral</source>
        <translation>معرفی دیگران</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="40"/>
        <source>Phone call</source>
        <translation>تماس تلفنی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="41"/>
        <source>Website</source>
        <translation>وب‌سایت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="42"/>
        <source>Instagram</source>
        <translation>اینستاگرام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="43"/>
        <source>Other social media</source>
        <translation>سایر شبکه‌های اجتماعی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="44"/>
        <source>Exhibition</source>
        <translation>نمایشگاه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="45"/>
        <source>Campaign</source>
        <translation>کمپین</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="46"/>
        <source>Other</source>
        <translation>سایر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="52"/>
        <source>Call</source>
        <translation>تماس</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="53"/>
        <source>Meeting</source>
        <translation>جلسه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="54"/>
        <source>Task</source>
        <translation>وظیفه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="55"/>
        <source>E-mail</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="56"/>
        <source>SMS</source>
        <translation>پیامک</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="57"/>
        <source>Letter</source>
        <translation>نامه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="58"/>
        <source>Note</source>
        <translation>یادداشت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="64"/>
        <source>New</source>
        <translation>جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="65"/>
        <source>Open</source>
        <translation>باز</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="66"/>
        <source>Waiting for customer</source>
        <translation>در انتظار مشتری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="67"/>
        <source>Resolved</source>
        <translation>حل‌شده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="68"/>
        <source>Closed</source>
        <translation>بسته‌شده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="74"/>
        <source>Complaint</source>
        <translation>شکایت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="75"/>
        <source>Request</source>
        <translation>درخواست</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="76"/>
        <source>Question</source>
        <translation>پرسش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="77"/>
        <source>Technical</source>
        <translation>فنی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="83"/>
        <source>Low</source>
        <translation>پایین</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="84"/>
        <source>Normal</source>
        <translation>عادی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="85"/>
        <source>High</source>
        <translation>بالا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="86"/>
        <source>Urgent</source>
        <translation>فوری</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="50"/>
        <location filename="../crm_desktop/ui/main_window.py" line="278"/>
        <source>crm-desktop</source>
        <translation>crm-desktop</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="77"/>
        <source>Search</source>
        <translation>جستجو</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="91"/>
        <source>Database:</source>
        <translation>پایگاه داده:</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="108"/>
        <source>Dashboard</source>
        <translation>پیشخوان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="109"/>
        <source>Contacts</source>
        <translation>مخاطبان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="110"/>
        <source>Companies</source>
        <translation>شرکت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="111"/>
        <source>Pipeline</source>
        <translation>قیف فروش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="111"/>
        <source>Sales pipeline</source>
        <translation>قیف فروش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="112"/>
        <source>Activities</source>
        <translation>فعالیت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="112"/>
        <source>Activities and appointments</source>
        <translation>فعالیت‌ها و قرارهای ملاقات</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="113"/>
        <source>Campaigns</source>
        <translation>کمپین‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="114"/>
        <source>Tickets</source>
        <translation>تیکت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="114"/>
        <source>Support tickets</source>
        <translation>تیکت‌های پشتیبانی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="115"/>
        <source>Products</source>
        <translation>کالاها و خدمات</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="115"/>
        <source>Products and services</source>
        <translation>کالاها و خدمات</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="116"/>
        <source>Reports</source>
        <translation>گزارش‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="117"/>
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="170"/>
        <source>&amp;File</source>
        <translation>پرونده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="171"/>
        <source>New database…</source>
        <translation>پایگاه داده جدید…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="173"/>
        <source>Open database…</source>
        <translation>باز کردن پایگاه داده…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="176"/>
        <source>Back up…</source>
        <translation>پشتیبان‌گیری…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="177"/>
        <source>Restore from a backup…</source>
        <translation>بازگردانی از پشتیبان…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="180"/>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="182"/>
        <source>&amp;Edit</source>
        <translation>ویرایش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="183"/>
        <source>New record</source>
        <translation>مورد جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="185"/>
        <source>Find in this list</source>
        <translation>جستجو در این فهرست</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="187"/>
        <source>Search everything</source>
        <translation>جستجو در همه‌جا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="190"/>
        <source>Trash…</source>
        <translation>سطل بازیافت…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="191"/>
        <source>&amp;View</source>
        <translation>نمایش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="196"/>
        <source>&amp;Help</source>
        <translation>راهنما</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="197"/>
        <location filename="../crm_desktop/ui/main_window.py" line="275"/>
        <source>About crm-desktop</source>
        <translation>درباره crm-desktop</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="212"/>
        <source>crm-desktop databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>پایگاه‌های داده crm-desktop (*.sqlite3 *.db);;همه پرونده‌ها (*)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="215"/>
        <source>New database</source>
        <translation>پایگاه داده جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="221"/>
        <source>A file with this name already exists. Choose another name or use Open database.</source>
        <translation>پرونده‌ای با این نام از قبل وجود دارد. نام دیگری انتخاب کنید یا از «باز کردن پایگاه داده» استفاده کنید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="227"/>
        <source>Open database</source>
        <translation>باز کردن پایگاه داده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="235"/>
        <source>Back up the database</source>
        <translation>پشتیبان‌گیری از پایگاه داده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="242"/>
        <source>The backup was saved:</source>
        <translation>پشتیبان ذخیره شد:</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="243"/>
        <source>Backup</source>
        <translation>پشتیبان‌گیری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="246"/>
        <source>Restore from a backup</source>
        <translation>بازگردانی از پشتیبان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="250"/>
        <location filename="../crm_desktop/ui/main_window.py" line="262"/>
        <source>Restore</source>
        <translation>بازگردانی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="251"/>
        <source>Replace everything in this database with the backup? A copy of the current database is kept beside it.</source>
        <translation>همه اطلاعات این پایگاه داده با پشتیبان جایگزین شود؟ یک نسخه از پایگاه داده فعلی در کنار آن نگه داشته می‌شود.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="261"/>
        <source>The backup was restored.</source>
        <translation>پشتیبان بازگردانی شد.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="270"/>
        <source>crm-desktop {version}
An offline customer relationship manager for small businesses.
Font: Vazirmatn, SIL Open Font License 1.1.</source>
        <translation>crm-desktop {version}
نرم‌افزار آفلاین مدیریت ارتباط با مشتری برای کسب‌وکارهای کوچک.
قلم: وزیرمتن (Vazirmatn)، با مجوز SIL Open Font License 1.1.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="293"/>
        <source>Contacts: {n}</source>
        <translation>مخاطبان: {n}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="294"/>
        <source>Companies: {n}</source>
        <translation>شرکت‌ها: {n}</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <location filename="../crm_desktop/ui/widgets/money_edit.py" line="176"/>
        <source>Toman</source>
        <translation>تومان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/money_edit.py" line="177"/>
        <source>Rial</source>
        <translation>ریال</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <location filename="../crm_desktop/ui/ops.py" line="55"/>
        <source>This record no longer exists; someone may have deleted it. The list will be refreshed.</source>
        <translation>این مورد دیگر وجود ندارد؛ شاید کسی آن را حذف کرده باشد. فهرست به‌روز می‌شود.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/ops.py" line="67"/>
        <source>The database refused this change:</source>
        <translation>پایگاه داده این تغییر را نپذیرفت:</translation>
    </message>
</context>
<context>
    <name>PhoneEdit</name>
    <message>
        <location filename="../crm_desktop/ui/widgets/phone_edit.py" line="158"/>
        <source>e.g. 0912 345 6789</source>
        <translation>مثلاً ⁦۰۹۱۲ ۳۴۵ ۶۷۸۹⁩</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/phone_edit.py" line="159"/>
        <source>Mobile</source>
        <translation>موبایل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/phone_edit.py" line="161"/>
        <source>e.g. 021 8877 6655</source>
        <translation>مثلاً ⁦۰۲۱ ۸۸۷۷ ۶۶۵۵⁩</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/phone_edit.py" line="162"/>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
</context>
<context>
    <name>PlaceholderView</name>
    <message>
        <location filename="../crm_desktop/ui/views/placeholder.py" line="26"/>
        <source>This section is on its way. Everything you record in contacts and companies will be here when it arrives.</source>
        <translation>این بخش به‌زودی اضافه می‌شود. هر آنچه در مخاطبان و شرکت‌ها ثبت می‌کنید، پس از آماده شدن این بخش در اینجا در دسترس خواهد بود.</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/record_form.py" line="236"/>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/record_form.py" line="238"/>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
</context>
<context>
    <name>RecordListView</name>
    <message>
        <location filename="../crm_desktop/ui/views/record_list.py" line="234"/>
        <source>Move to Trash</source>
        <translation>انتقال به سطل بازیافت</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../crm_desktop/ui/widgets/search_box.py" line="98"/>
        <source>Search…</source>
        <translation>جستجو…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/search_box.py" line="99"/>
        <source>Search</source>
        <translation>جستجو</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/search_box.py" line="100"/>
        <source>Search now (Enter)</source>
        <translation>جستجو (Enter)</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="21"/>
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="39"/>
        <source>Rial</source>
        <translation>ریال</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="40"/>
        <source>Toman</source>
        <translation>تومان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="44"/>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="46"/>
        <source>Show amounts in</source>
        <translation>واحد نمایش مبلغ‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="63"/>
        <source>The new language is used the next time you start the program.</source>
        <translation>زبان جدید از دفعه بعد که برنامه را باز کنید به کار می‌رود.</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="55"/>
        <source>Trash</source>
        <translation>سطل بازیافت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="60"/>
        <source>Contacts</source>
        <translation>مخاطبان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="61"/>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="64"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="62"/>
        <source>No contacts in the Trash.</source>
        <translation>هیچ مخاطبی در سطل بازیافت نیست.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="63"/>
        <source>Companies</source>
        <translation>شرکت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="65"/>
        <source>No companies in the Trash.</source>
        <translation>هیچ شرکتی در سطل بازیافت نیست.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="66"/>
        <source>Deals</source>
        <translation>معامله‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="67"/>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="68"/>
        <source>No deals in the Trash.</source>
        <translation>هیچ معامله‌ای در سطل بازیافت نیست.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="69"/>
        <source>Tickets</source>
        <translation>تیکت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="70"/>
        <source>Ticket</source>
        <translation>تیکت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="71"/>
        <source>No tickets in the Trash.</source>
        <translation>هیچ تیکتی در سطل بازیافت نیست.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="101"/>
        <source>Restore</source>
        <translation>بازگردانی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="104"/>
        <source>Restored records go back to their lists as they were.</source>
        <translation>موارد بازگردانده‌شده همان‌طور که بودند به فهرست خود برمی‌گردند.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="107"/>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="141"/>
        <source>Moved to Trash on</source>
        <translation>تاریخ انتقال به سطل بازیافت</translation>
    </message>
</context>
</TS>

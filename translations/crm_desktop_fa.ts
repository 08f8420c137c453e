<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/record_form.py" line="490"/>
        <source>Discard changes?</source>
        <translation>تغییرات کنار گذاشته شود؟</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/record_form.py" line="491"/>
        <source>You have changed this form. Discard the changes?</source>
        <translation>در این فرم تغییراتی داده‌اید. تغییرات کنار گذاشته شود؟</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/record_form.py" line="495"/>
        <source>Discard</source>
        <translation>کنار گذاشتن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/record_form.py" line="496"/>
        <source>Keep editing</source>
        <translation>ادامهٔ ویرایش</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="36"/>
        <source>New company</source>
        <translation>شرکت جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="37"/>
        <source>Edit company</source>
        <translation>ویرایش شرکت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="47"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="48"/>
        <source>National ID (legal entity)</source>
        <translation>شناسه ملی (شخص حقوقی)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="49"/>
        <source>Economic code</source>
        <translation>کد اقتصادی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="50"/>
        <source>Registration number</source>
        <translation>شماره ثبت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="51"/>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="52"/>
        <source>Fax</source>
        <translation>نمابر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="53"/>
        <source>E-mail</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="55"/>
        <source>Website</source>
        <translation>وب‌سایت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="57"/>
        <source>Industry</source>
        <translation>صنعت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="58"/>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="59"/>
        <source>Address</source>
        <translation>نشانی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="60"/>
        <source>Postal code</source>
        <translation>کد پستی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="61"/>
        <source>Owner</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/account_dialog.py" line="63"/>
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
    <name>ActivitiesView</name>
    <message>
        <location filename="../crm_desktop/ui/views/activities.py" line="54"/>
        <source>Today</source>
        <translation>امروز</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities.py" line="54"/>
        <source>List</source>
        <translation>فهرست</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities.py" line="54"/>
        <source>Week</source>
        <translation>هفته</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities.py" line="54"/>
        <source>Day</source>
        <translation>روز</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities.py" line="59"/>
        <source>New appointment</source>
        <translation>قرار ملاقات جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities.py" line="118"/>
        <source>All owners</source>
        <translation>همه مسئولان</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/activity_dialog.py" line="38"/>
        <source>Log a call</source>
        <translation>ثبت تماس</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/activity_dialog.py" line="38"/>
        <source>Add a note</source>
        <translation>افزودن یادداشت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/activity_dialog.py" line="39"/>
        <source>Add a task</source>
        <translation>افزودن وظیفه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/activity_dialog.py" line="40"/>
        <source>Add an activity</source>
        <translation>افزودن فعالیت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/activity_dialog.py" line="42"/>
        <source>Subject</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/activity_dialog.py" line="44"/>
        <source>Due date</source>
        <translation>موعد انجام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/activity_dialog.py" line="46"/>
        <source>Outcome</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/activity_dialog.py" line="47"/>
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
</context>
<context>
    <name>ActivityListView</name>
    <message>
        <location filename="../crm_desktop/ui/views/activities_list.py" line="44"/>
        <source>All kinds</source>
        <translation>همه انواع</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_list.py" line="49"/>
        <source>Open and done</source>
        <translation>باز و انجام‌شده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_list.py" line="49"/>
        <location filename="../crm_desktop/ui/views/activities_list.py" line="94"/>
        <source>Open</source>
        <translation>باز</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_list.py" line="50"/>
        <location filename="../crm_desktop/ui/views/activities_list.py" line="93"/>
        <source>Overdue</source>
        <translation>عقب‌افتاده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_list.py" line="50"/>
        <location filename="../crm_desktop/ui/views/activities_list.py" line="91"/>
        <source>Done</source>
        <translation>انجام شد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_list.py" line="84"/>
        <source>No activities yet: plan an appointment, or log a call from a contact&apos;s page.</source>
        <translation>هنوز فعالیتی ثبت نشده است: یک قرار ملاقات بگذارید، یا از صفحه مخاطب تماسی ثبت کنید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_list.py" line="86"/>
        <source>New appointment</source>
        <translation>قرار ملاقات جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_list.py" line="98"/>
        <source>Due</source>
        <translation>موعد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_list.py" line="101"/>
        <source>Subject</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_list.py" line="102"/>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_list.py" line="103"/>
        <source>Person</source>
        <translation>مخاطب</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_list.py" line="104"/>
        <source>Owner</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_list.py" line="105"/>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_list.py" line="115"/>
        <source>Activities</source>
        <translation>فعالیت‌ها</translation>
    </message>
</context>
<context>
    <name>AddToListDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/add_to_list_dialog.py" line="37"/>
        <source>Add to list</source>
        <translation>افزودن به فهرست</translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/dialogs/add_to_list_dialog.py" line="39"/>
        <source>Add %n contact(s) to:</source>
        <translation>
            <numerusform>افزودن %n مخاطب به:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/add_to_list_dialog.py" line="44"/>
        <source>A new list…</source>
        <translation>فهرست تازه…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/add_to_list_dialog.py" line="46"/>
        <source>Name of the new list</source>
        <translation>نام فهرست تازه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/add_to_list_dialog.py" line="50"/>
        <source>List</source>
        <translation>فهرست</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/add_to_list_dialog.py" line="51"/>
        <source>New list</source>
        <translation>فهرست تازه</translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/appointment_dialog.py" line="145"/>
        <source>Edit activity</source>
        <translation>ویرایش فعالیت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/appointment_dialog.py" line="146"/>
        <source>New appointment</source>
        <translation>قرار ملاقات جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/appointment_dialog.py" line="153"/>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/appointment_dialog.py" line="154"/>
        <source>Subject</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/appointment_dialog.py" line="157"/>
        <source>Person</source>
        <translation>مخاطب</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/appointment_dialog.py" line="158"/>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/appointment_dialog.py" line="159"/>
        <source>Time</source>
        <translation>ساعت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/appointment_dialog.py" line="160"/>
        <source>All day (no time)</source>
        <translation>تمام روز (بدون ساعت)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/appointment_dialog.py" line="161"/>
        <source>Duration (minutes)</source>
        <translation>مدت (دقیقه)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/appointment_dialog.py" line="162"/>
        <source>Owner</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/appointment_dialog.py" line="163"/>
        <source>Nobody</source>
        <translation>هیچ‌کس</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/appointment_dialog.py" line="164"/>
        <source>No reminder</source>
        <translation>بدون یادآوری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/appointment_dialog.py" line="164"/>
        <source>10 minutes before</source>
        <translation>۱۰ دقیقه قبل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/appointment_dialog.py" line="165"/>
        <source>1 hour before</source>
        <translation>۱ ساعت قبل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/appointment_dialog.py" line="165"/>
        <source>1 day before</source>
        <translation>۱ روز قبل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/appointment_dialog.py" line="166"/>
        <source>Reminder</source>
        <translation>یادآوری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/appointment_dialog.py" line="169"/>
        <source>Repeats</source>
        <translation>تکرار</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/appointment_dialog.py" line="170"/>
        <source>Daily</source>
        <translation>روزانه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/appointment_dialog.py" line="170"/>
        <source>Weekly</source>
        <translation>هفتگی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/appointment_dialog.py" line="171"/>
        <source>Monthly</source>
        <translation>ماهانه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/appointment_dialog.py" line="171"/>
        <source>Yearly</source>
        <translation>سالانه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/appointment_dialog.py" line="172"/>
        <source>Does not repeat</source>
        <translation>بدون تکرار</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/appointment_dialog.py" line="173"/>
        <source>Every</source>
        <translation>هر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/appointment_dialog.py" line="174"/>
        <source>Until (optional)</source>
        <translation>تا (اختیاری)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/appointment_dialog.py" line="175"/>
        <source>Outcome</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/appointment_dialog.py" line="176"/>
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/appointment_dialog.py" line="202"/>
        <location filename="../crm_desktop/ui/dialogs/appointment_dialog.py" line="206"/>
        <source>None</source>
        <translation>هیچ</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <location filename="../crm_desktop/ui/views/audit_page.py" line="59"/>
        <source>Search a field or a value</source>
        <extracomment>the kinds of record offered first in the filter (the rest follow, by name)</extracomment>
        <translation>جست‌وجوی فیلد یا مقدار</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/audit_page.py" line="62"/>
        <source>All records</source>
        <translation>همهٔ پرونده‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/audit_page.py" line="68"/>
        <source>All actions</source>
        <translation>همهٔ عمل‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/audit_page.py" line="95"/>
        <source>Nothing in the log yet. Every record created, changed, deleted or restored, by whom and when, is listed here.</source>
        <translation>هنوز چیزی در گزارش تغییرات نیست. هر پرونده‌ای که ایجاد، ویرایش، حذف یا بازگردانی شود، همراه با کاربر و زمان آن، اینجا فهرست می‌شود.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/audit_page.py" line="97"/>
        <source>Clear the filters</source>
        <translation>پاک‌کردن فیلترها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/audit_page.py" line="101"/>
        <source>Choose a row to see its whole values here.</source>
        <translation>یک ردیف را انتخاب کنید تا مقدارهای کامل آن اینجا دیده شود.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/audit_page.py" line="109"/>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/audit_page.py" line="111"/>
        <source>to</source>
        <translation>تا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/audit_page.py" line="162"/>
        <source>All users</source>
        <translation>همهٔ کاربران</translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/views/audit_page.py" line="201"/>
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n تغییر</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/audit_page.py" line="221"/>
        <source>Before:</source>
        <translation>پیش از تغییر:</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/audit_page.py" line="223"/>
        <source>After:</source>
        <translation>پس از تغییر:</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/audit_page.py" line="232"/>
        <source>Audit log</source>
        <translation>گزارش تغییرات</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/audit_model.py" line="44"/>
        <source>When</source>
        <extracomment>the longest a value is shown in a cell (the whole of it is in the detail pane)</extracomment>
        <translation>زمان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/audit_model.py" line="45"/>
        <source>User</source>
        <translation>کاربر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/audit_model.py" line="46"/>
        <source>Record kind</source>
        <translation>نوع پرونده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/audit_model.py" line="48"/>
        <source>Record</source>
        <translation>پرونده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/audit_model.py" line="50"/>
        <source>Action</source>
        <translation>عمل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/audit_model.py" line="52"/>
        <source>Field</source>
        <translation>فیلد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/audit_model.py" line="53"/>
        <source>Old value</source>
        <translation>مقدار قبلی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/audit_model.py" line="55"/>
        <source>New value</source>
        <translation>مقدار جدید</translation>
    </message>
</context>
<context>
    <name>AutomationLabels</name>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="15"/>
        <source>Birthday greeting</source>
        <translation>تبریک تولد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="16"/>
        <source>Welcome a new customer</source>
        <translation>خوش‌آمد به مشتری تازه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="17"/>
        <source>Appointment reminder</source>
        <translation>یادآوری نوبت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="18"/>
        <source>After an appointment: satisfaction</source>
        <translation>نظرسنجی پس از نوبت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="21"/>
        <source>Satisfaction after a ticket or a sale</source>
        <translation>نظرسنجی پس از تیکت یا فروش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="24"/>
        <source>Follow up quiet deals</source>
        <translation>پیگیری معامله‌های راکد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="25"/>
        <source>Renewal reminder</source>
        <translation>یادآوری تمدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="26"/>
        <source>Assign new leads</source>
        <translation>واگذاری سرنخ‌های تازه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="27"/>
        <source>Club tier change</source>
        <translation>تغییر سطح باشگاه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="34"/>
        <source>Greets each contact on their birthday (Jalali calendar, Tehran time), or gives someone a task to call them.</source>
        <translation>روز تولد هر مخاطب (به تقویم شمسی و وقت تهران) به او تبریک می‌گوید، یا به کسی وظیفه می‌دهد که تماس بگیرد.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="39"/>
        <source>Sends a welcome message when a contact becomes a customer.</source>
        <translation>وقتی مخاطبی مشتری می‌شود، پیام خوش‌آمد می‌فرستد.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="42"/>
        <source>Reminds the contact of an appointment some hours before it starts.</source>
        <translation>چند ساعت پیش از شروع نوبت، آن را به مخاطب یادآوری می‌کند.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="45"/>
        <source>Asks for a score from 1 to 5 some hours after an appointment is marked done.</source>
        <translation>چند ساعت پس از انجام‌شدن نوبت، نمره‌ای از ۱ تا ۵ می‌خواهد.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="49"/>
        <source>Asks for a score from 1 to 5 some days after a ticket is closed or a deal is won.</source>
        <translation>چند روز پس از بسته‌شدن تیکت یا برنده‌شدن معامله، نمره‌ای از ۱ تا ۵ می‌خواهد.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="53"/>
        <source>Gives the owner a task when an open deal has had no activity for some days.</source>
        <translation>وقتی معامله‌ای باز چند روز بی‌فعالیت بماند، به مسئول آن وظیفهٔ پیگیری می‌دهد.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="57"/>
        <source>Reminds (or gives a task) some days before the anniversary of a date.</source>
        <translation>چند روز پیش از سالگرد یک تاریخ، یادآوری می‌فرستد (یا وظیفه می‌دهد).</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="61"/>
        <source>Gives each new lead an owner: in turn, by city or by source.</source>
        <translation>به هر سرنخ تازه مسئولی می‌دهد: به نوبت، بر اساس شهر یا بر اساس منبع.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="64"/>
        <source>Tells a club member that they moved to another tier.</source>
        <translation>به عضو باشگاه خبر می‌دهد که سطحش تغییر کرده است.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="72"/>
        <location filename="../crm_desktop/ui/automation_labels.py" line="91"/>
        <source>SMS</source>
        <translation>پیامک</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="73"/>
        <location filename="../crm_desktop/ui/automation_labels.py" line="92"/>
        <source>E-mail</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="74"/>
        <source>Task</source>
        <translation>وظیفه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="75"/>
        <source>Owner set</source>
        <translation>تعیین مسئول</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="76"/>
        <source>Skipped</source>
        <translation>رد شد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="82"/>
        <source>at start-up</source>
        <translation>هنگام باز شدن برنامه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="83"/>
        <source>every 15 minutes</source>
        <translation>هر ۱۵ دقیقه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="84"/>
        <source>by hand</source>
        <translation>دستی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="85"/>
        <source>from the command line</source>
        <translation>از خط فرمان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="93"/>
        <source>A task for a person</source>
        <translation>وظیفه برای یک نفر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="99"/>
        <source>In turn among chosen people</source>
        <translation>به نوبت میان افراد انتخاب‌شده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="100"/>
        <source>By city</source>
        <translation>بر اساس شهر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="101"/>
        <source>By source</source>
        <translation>بر اساس منبع</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="107"/>
        <source>The last won deal</source>
        <translation>آخرین معاملهٔ برنده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="108"/>
        <source>The day they became a customer</source>
        <translation>روزی که مشتری شد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="115"/>
        <source>Appointment date</source>
        <translation>تاریخ نوبت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="116"/>
        <source>Appointment time</source>
        <translation>ساعت نوبت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="117"/>
        <source>Ticket number</source>
        <translation>شمارهٔ تیکت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="118"/>
        <source>Deal title</source>
        <translation>عنوان معامله</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="119"/>
        <source>Renewal date</source>
        <translation>تاریخ تمدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="120"/>
        <source>Tier</source>
        <translation>سطح</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/automation_labels.py" line="121"/>
        <source>Points</source>
        <translation>امتیاز</translation>
    </message>
</context>
<context>
    <name>AutomationLogPage</name>
    <message>
        <location filename="../crm_desktop/ui/views/automation_log.py" line="52"/>
        <source>All actions</source>
        <extracomment>a record of another section to show: (section key, id)</extracomment>
        <translation>همهٔ کارها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_log.py" line="61"/>
        <source>Search contact or detail</source>
        <translation>جستجوی مخاطب یا شرح</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_log.py" line="63"/>
        <source>Open contact</source>
        <translation>باز کردن مخاطب</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_log.py" line="83"/>
        <source>Nothing in the log yet. Every message, task and assignment a rule makes, and every one it skips (with the reason), is listed here.</source>
        <translation>گزارش هنوز خالی است. هر پیام، وظیفه و واگذاری‌ای که قانونی انجام دهد، و هر موردی که رد کند (با دلیلش)، این‌جا فهرست می‌شود.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_log.py" line="85"/>
        <source>Go to the rules</source>
        <translation>رفتن به قانون‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_log.py" line="91"/>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_log.py" line="93"/>
        <source>to</source>
        <translation>تا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_log.py" line="98"/>
        <source>Record score…</source>
        <translation>ثبت نمره…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_log.py" line="101"/>
        <source>Import SMS replies…</source>
        <translation>خواندن پاسخ‌های پیامکی…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_log.py" line="133"/>
        <source>All rules</source>
        <extracomment>the log rows that are satisfaction requests still waiting for a score</extracomment>
        <translation>همهٔ قانون‌ها</translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/views/automation_log.py" line="178"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n ردیف</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_log.py" line="205"/>
        <source>Record score</source>
        <translation>ثبت نمره</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_log.py" line="206"/>
        <source>The customer&apos;s score (1 to 5):</source>
        <translation>نمرهٔ مشتری (۱ تا ۵):</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_log.py" line="217"/>
        <source>Score {score} recorded.</source>
        <translation>نمرهٔ {score} ثبت شد.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_log.py" line="224"/>
        <source>SMS replies</source>
        <translation>پاسخ‌های پیامکی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_log.py" line="224"/>
        <source>Excel or CSV (*.xlsx *.csv)</source>
        <translation>اکسل یا CSV (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_log.py" line="238"/>
        <source>Replies read: {matched} scored, {unmatched} without a waiting request, {invalid} without a score.</source>
        <translation>پاسخ‌ها خوانده شد: {matched} نمره ثبت شد، {unmatched} بی‌درخواستِ در انتظار، {invalid} بی‌نمره.</translation>
    </message>
</context>
<context>
    <name>AutomationModels</name>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/automation_models.py" line="58"/>
        <location filename="../crm_desktop/ui/qtmodels/automation_models.py" line="60"/>
        <source>On</source>
        <extracomment>the row&apos;s record id (rule, contact of a planned action) the contact of a planned action or a log row</extracomment>
        <translation>روشن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/automation_models.py" line="62"/>
        <source>Off</source>
        <translation>خاموش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/automation_models.py" line="66"/>
        <location filename="../crm_desktop/ui/qtmodels/automation_models.py" line="152"/>
        <location filename="../crm_desktop/ui/qtmodels/automation_models.py" line="178"/>
        <source>Rule</source>
        <translation>قانون</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/automation_models.py" line="69"/>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/automation_models.py" line="74"/>
        <source>Last run</source>
        <translation>آخرین اجرا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/automation_models.py" line="79"/>
        <source>Next due</source>
        <translation>موعد بعدی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/automation_models.py" line="84"/>
        <source>Last 30 days</source>
        <translation>۳۰ روز اخیر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/automation_models.py" line="90"/>
        <source>In all</source>
        <translation>روی هم</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/automation_models.py" line="96"/>
        <source>Last action</source>
        <translation>آخرین کار</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/automation_models.py" line="151"/>
        <source>Due</source>
        <translation>موعد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/automation_models.py" line="153"/>
        <location filename="../crm_desktop/ui/qtmodels/automation_models.py" line="179"/>
        <source>Contact</source>
        <translation>مخاطب</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/automation_models.py" line="156"/>
        <location filename="../crm_desktop/ui/qtmodels/automation_models.py" line="182"/>
        <source>Action</source>
        <translation>کار</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/automation_models.py" line="160"/>
        <location filename="../crm_desktop/ui/qtmodels/automation_models.py" line="194"/>
        <source>What</source>
        <translation>شرح</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/automation_models.py" line="177"/>
        <source>When</source>
        <translation>زمان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/automation_models.py" line="189"/>
        <source>Score</source>
        <translation>نمره</translation>
    </message>
</context>
<context>
    <name>AutomationPage</name>
    <message>
        <location filename="../crm_desktop/ui/views/automation_page.py" line="50"/>
        <location filename="../crm_desktop/ui/views/automation_page.py" line="95"/>
        <source>New rule</source>
        <extracomment>starting widths of the columns (the rule&apos;s name takes the rest)</extracomment>
        <translation>قانون تازه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_page.py" line="59"/>
        <source>Edit</source>
        <translation>ویرایش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_page.py" line="62"/>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_page.py" line="65"/>
        <source>Preview (dry run)</source>
        <translation>پیش‌نمایش (اجرای آزمایشی)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_page.py" line="68"/>
        <source>Run now</source>
        <translation>اجرا همین حالا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_page.py" line="92"/>
        <source>No rules yet. A rule greets customers on their birthday, reminds appointments, follows up quiet deals or hands new leads to a person, by itself.</source>
        <translation>هنوز قانونی نیست. قانون خودش کار می‌کند: تولد مشتری‌ها را تبریک می‌گوید، نوبت‌ها را یادآوری می‌کند، معامله‌های راکد را پیگیری می‌کند یا سرنخ‌های تازه را به کسی می‌سپارد.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_page.py" line="165"/>
        <source>Last run: {when} ({trigger}), {n} action(s).</source>
        <translation>آخرین اجرا: {when} ({trigger})، {n} کار.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_page.py" line="169"/>
        <source>Problem: {error}</source>
        <translation>مشکل: {error}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_page.py" line="172"/>
        <source>Rules that are on run when the program starts and every 15 minutes while it is open.</source>
        <translation>قانون‌های روشن هنگام باز شدن برنامه و تا وقتی باز است هر ۱۵ دقیقه اجرا می‌شوند.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_page.py" line="205"/>
        <source>Delete rule</source>
        <translation>حذف قانون</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_page.py" line="206"/>
        <source>Delete the rule “{name}”? What it already did stays in the automation log.</source>
        <translation>قانون «{name}» حذف شود؟ کارهایی که تا کنون انجام داده در گزارش خودکارسازی می‌ماند.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_page.py" line="220"/>
        <source>Running the rules…</source>
        <translation>در حال اجرای قانون‌ها…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_page.py" line="232"/>
        <source>The run stopped: {problem}. Nothing was done twice.</source>
        <translation>اجرا متوقف شد: {problem}. هیچ کاری دو بار انجام نشد.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_page.py" line="233"/>
        <source>an unexpected error</source>
        <translation>خطایی پیش‌بینی‌نشده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_page.py" line="235"/>
        <source>Run now: {n} action(s).</source>
        <translation>اجرای دستی: {n} کار.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/automation_page.py" line="240"/>
        <source>{rule}: {problem}</source>
        <translation>{rule}: {problem}</translation>
    </message>
</context>
<context>
    <name>BackupRunner</name>
    <message>
        <location filename="../crm_desktop/ui/backup_runner.py" line="154"/>
        <source>Backing up the database…</source>
        <extracomment>the day&apos;s backups under way: a script that ends without closing its window waits for them (a QThread destroyed while it runs aborts the process) how often a window left open checks whether the day&apos;s backup is due the progress window of the exit backup shows after this long</extracomment>
        <translation>در حال پشتیبان‌گیری از پایگاه داده…</translation>
    </message>
</context>
<context>
    <name>BackupSettings</name>
    <message>
        <location filename="../crm_desktop/ui/views/settings_backup.py" line="39"/>
        <source>Automatic backups</source>
        <translation>پشتیبان‌گیری خودکار</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_backup.py" line="47"/>
        <source>Choose…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_backup.py" line="53"/>
        <source>Back up when the program closes</source>
        <translation>هنگام بستن برنامه پشتیبان بگیر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_backup.py" line="55"/>
        <source>Back up once a day (the first time the program runs that day)</source>
        <translation>روزی یک بار پشتیبان بگیر (نخستین باری که برنامه در آن روز اجرا می‌شود)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_backup.py" line="62"/>
        <source> day(s)</source>
        <translation> روز</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_backup.py" line="63"/>
        <source>Encrypt backups with a passphrase</source>
        <translation>رمزگذاری پشتیبان‌ها با عبارت عبور</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_backup.py" line="65"/>
        <source>Choose a folder on a USB stick or a second disk, so that a broken disk does not take the backups with it. Only this database&apos;s backups in the folder are ever deleted, the oldest first; other files are never touched. An encrypted backup cannot be restored without its passphrase: keep it safe.</source>
        <translation>پوشه‌ای روی فلش USB یا دیسک دوم انتخاب کنید تا خرابی دیسک، پشتیبان‌ها را هم از بین نبرد. از این پوشه فقط پشتیبان‌های همین پایگاه داده و از قدیمی‌ترین‌ها پاک می‌شوند؛ به فایل‌های دیگر هرگز دست زده نمی‌شود. پشتیبان رمزگذاری‌شده بدون عبارت عبورش بازگردانده نمی‌شود: آن را جای امنی نگه دارید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_backup.py" line="72"/>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_backup.py" line="76"/>
        <source>Back up now</source>
        <translation>هم‌اکنون پشتیبان بگیر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_backup.py" line="90"/>
        <source>Folder</source>
        <translation>پوشه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_backup.py" line="93"/>
        <source>Keep daily backups</source>
        <translation>نگه‌داشتن پشتیبان‌های روزانه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_backup.py" line="94"/>
        <source>Keep weekly backups</source>
        <translation>نگه‌داشتن پشتیبان‌های هفتگی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_backup.py" line="95"/>
        <source>Keep monthly backups</source>
        <translation>نگه‌داشتن پشتیبان‌های ماهانه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_backup.py" line="96"/>
        <source>Warn when the last backup is older than</source>
        <translation>هشدار وقتی آخرین پشتیبان قدیمی‌تر است از</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_backup.py" line="128"/>
        <source>No backup has been made yet.</source>
        <translation>هنوز هیچ پشتیبانی گرفته نشده است.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_backup.py" line="130"/>
        <source>Last good backup: {when}</source>
        <translation>آخرین پشتیبان سالم: {when}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_backup.py" line="133"/>
        <source>The latest backup failed its check and was deleted: {why}</source>
        <translation>آخرین پشتیبان در بررسی رد شد و پاک شد: {why}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_backup.py" line="146"/>
        <source>Folder for backups</source>
        <translation>پوشهٔ پشتیبان‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_backup.py" line="185"/>
        <source>The backup was written and checked:</source>
        <translation>پشتیبان نوشته و بررسی شد:</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_backup.py" line="187"/>
        <location filename="../crm_desktop/ui/views/settings_backup.py" line="190"/>
        <source>Backup</source>
        <translation>پشتیبان‌گیری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_backup.py" line="189"/>
        <source>The backup failed its check and was deleted:</source>
        <translation>پشتیبان در بررسی رد شد و پاک شد:</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <location filename="../crm_desktop/ui/views/activities_calendar.py" line="82"/>
        <source>Previous day</source>
        <translation>روز قبل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_calendar.py" line="82"/>
        <source>Today</source>
        <translation>امروز</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_calendar.py" line="82"/>
        <source>Next day</source>
        <translation>روز بعد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_calendar.py" line="84"/>
        <source>Previous week</source>
        <translation>هفته قبل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_calendar.py" line="84"/>
        <source>This week</source>
        <translation>این هفته</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_calendar.py" line="84"/>
        <source>Next week</source>
        <translation>هفته بعد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_calendar.py" line="128"/>
        <source>Repeating appointment</source>
        <translation>قرار تکرارشونده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_calendar.py" line="129"/>
        <source>This appointment repeats. Skip only this day, or open the whole series?</source>
        <translation>این قرار تکرار می‌شود. فقط این روز حذف شود یا همه نوبت‌ها باز شوند؟</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_calendar.py" line="133"/>
        <source>Skip this day</source>
        <translation>حذف همین روز</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_calendar.py" line="135"/>
        <source>Open the series</source>
        <translation>باز کردن همه نوبت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_calendar.py" line="162"/>
        <source>This appointment repeats, so it cannot be dragged. Open it to change the time of the whole series.</source>
        <translation>این قرار تکرارشونده است و نمی‌توان آن را جابه‌جا کرد. برای تغییر زمان همه نوبت‌ها، آن را باز کنید.</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_dialog.py" line="39"/>
        <source>New campaign</source>
        <translation>کمپین جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_dialog.py" line="40"/>
        <source>Edit campaign</source>
        <translation>ویرایش کمپین</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_dialog.py" line="53"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_dialog.py" line="54"/>
        <source>Channel</source>
        <translation>راه ارتباطی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_dialog.py" line="56"/>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_dialog.py" line="58"/>
        <source>Starts</source>
        <translation>شروع</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_dialog.py" line="59"/>
        <source>Ends</source>
        <translation>پایان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_dialog.py" line="60"/>
        <source>Budget</source>
        <translation>بودجه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_dialog.py" line="61"/>
        <source>Actual cost</source>
        <translation>هزینه واقعی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_dialog.py" line="62"/>
        <source>Expected revenue</source>
        <translation>درآمد پیش‌بینی‌شده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_dialog.py" line="63"/>
        <source>Owner</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_dialog.py" line="64"/>
        <source>Description</source>
        <translation>شرح</translation>
    </message>
</context>
<context>
    <name>CampaignListPage</name>
    <message>
        <location filename="../crm_desktop/ui/views/campaign_list.py" line="108"/>
        <source>All statuses</source>
        <extracomment>the least each column gets (fit_columns widens one whose header or chip needs more)</extracomment>
        <translation>همه وضعیت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/campaign_list.py" line="109"/>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/campaign_list.py" line="110"/>
        <source>All channels</source>
        <translation>همه راه‌های ارتباطی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/campaign_list.py" line="111"/>
        <source>Channel</source>
        <translation>راه ارتباطی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/campaign_list.py" line="117"/>
        <source>New campaign</source>
        <translation>کمپین جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/campaign_list.py" line="118"/>
        <source>Search campaign names (Ctrl+F)</source>
        <translation>جستجوی نام کمپین (Ctrl+F)</translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/views/campaign_list.py" line="164"/>
        <source>%Ln campaign(s)</source>
        <translation>
            <numerusform>%Ln کمپین</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/campaign_list.py" line="167"/>
        <source>No campaigns yet: plan one to see who it reached and what it earned.</source>
        <translation>هنوز کمپینی ندارید: یکی برنامه‌ریزی کنید تا ببینید به چه کسانی رسید و چه درآمدی آورد.</translation>
    </message>
</context>
<context>
    <name>CampaignMembers</name>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/campaigns_model.py" line="139"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/campaigns_model.py" line="140"/>
        <source>Mobile</source>
        <translation>موبایل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/campaigns_model.py" line="141"/>
        <source>E-mail</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/campaigns_model.py" line="142"/>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/campaigns_model.py" line="143"/>
        <source>Changed</source>
        <translation>آخرین تغییر</translation>
    </message>
</context>
<context>
    <name>CampaignPage</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="119"/>
        <source>Edit</source>
        <translation>ویرایش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="125"/>
        <source>Write a message…</source>
        <translation>نوشتن پیام…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="140"/>
        <source>Dates</source>
        <translation>تاریخ‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="140"/>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="201"/>
        <source>Members</source>
        <translation>اعضا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="141"/>
        <source>Responded</source>
        <translation>پاسخ داده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="141"/>
        <source>Converted</source>
        <translation>مشتری شده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="145"/>
        <source>Actual cost</source>
        <translation>هزینه واقعی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="145"/>
        <source>Budget</source>
        <translation>بودجه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="146"/>
        <source>Revenue from won deals</source>
        <translation>درآمد از معامله‌های موفق</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="146"/>
        <source>ROI</source>
        <translation>بازده سرمایه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="147"/>
        <source>Cost per acquired customer</source>
        <translation>هزینه جذب هر مشتری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="149"/>
        <source>Return on investment: (revenue - cost) / cost</source>
        <translation>بازده سرمایه: (درآمد − هزینه) ÷ هزینه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="151"/>
        <source>Actual cost divided by the customers of the won deals this campaign brought</source>
        <translation>هزینه واقعی تقسیم بر شمار مشتریانِ معامله‌های موفقی که این کمپین آورد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="158"/>
        <source>Audience</source>
        <translation>مخاطبان هدف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="165"/>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="192"/>
        <source>Add a list…</source>
        <translation>افزودن فهرست…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="169"/>
        <source>Add a segment…</source>
        <translation>افزودن بخش مشتریان…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="173"/>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="180"/>
        <source>Every contact of these lists and segments becomes a member, once</source>
        <translation>هر مخاطبِ این فهرست‌ها و بخش‌ها یک بار عضو کمپین می‌شود</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="205"/>
        <source>All statuses</source>
        <translation>همه وضعیت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="234"/>
        <source>Set for selected</source>
        <translation>برای انتخاب‌شده‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="237"/>
        <source>Set for all shown</source>
        <translation>برای همه نمایش‌داده‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="240"/>
        <source>Every member with the status chosen in the filter</source>
        <translation>همه اعضایی که وضعیتشان همان وضعیتِ انتخاب‌شده در فیلتر است</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="243"/>
        <source>Put members on a list…</source>
        <translation>افزودن اعضا به فهرست…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="246"/>
        <source>The selected members, or when none is selected every member shown, go on a static list</source>
        <translation>اعضای انتخاب‌شده، یا اگر کسی انتخاب نشده همهٔ اعضای نمایش‌داده‌شده، به یک فهرست ثابت افزوده می‌شوند</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="262"/>
        <source>Change status to</source>
        <translation>تغییر وضعیت به</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="295"/>
        <source>Campaign</source>
        <translation>کمپین</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="295"/>
        <source>This campaign no longer exists; someone may have deleted it.</source>
        <translation>این کمپین دیگر وجود ندارد؛ شاید کسی آن را حذف کرده باشد.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="302"/>
        <source>Campaign: {name}</source>
        <translation>کمپین: {name}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="315"/>
        <source>{n} ({rate})</source>
        <translation>{n} ({rate})</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="319"/>
        <source>{start} to {end}</source>
        <translation>{start} تا {end}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="191"/>
        <source>No audience yet: add a list or a customer segment.</source>
        <translation>هنوز مخاطب هدفی ندارد: یک فهرست یا بخش مشتریان بیفزایید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="142"/>
        <source>Customers from won deals</source>
        <translation>مشتریان معاملات موفق</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="177"/>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="228"/>
        <source>Make the audience members</source>
        <translation>عضو کردن مخاطبان هدف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="226"/>
        <source>No members yet: add a list or a segment, then make the audience members.</source>
        <translation>هنوز عضوی ندارد: یک فهرست یا بخش مشتریان بیفزایید، سپس مخاطبان هدف را عضو کنید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="344"/>
        <source>Segment: {name}</source>
        <translation>بخش: {name}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="347"/>
        <source>List: {name}</source>
        <translation>فهرست: {name}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="348"/>
        <source>contacts not counted</source>
        <translation>شمار مخاطبان معلوم نیست</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="349"/>
        <source>{n} contacts</source>
        <translation>{n} مخاطب</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="356"/>
        <source>{n} shown</source>
        <translation>{n} مورد نمایش داده شده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="381"/>
        <source>{campaign} members</source>
        <translation>اعضای {campaign}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="422"/>
        <source>Add a list</source>
        <translation>افزودن فهرست</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="423"/>
        <source>Which list is this campaign for?</source>
        <translation>این کمپین برای کدام فهرست است؟</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="430"/>
        <source>Add a customer segment</source>
        <translation>افزودن بخش مشتریان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="431"/>
        <source>Which customers (by their purchases) is this campaign for?</source>
        <translation>این کمپین برای کدام مشتریان (بر پایه خریدهایشان) است؟</translation>
    </message>
</context>
<context>
    <name>CampaignPanel</name>
    <message>
        <location filename="../crm_desktop/ui/views/campaign_list.py" line="37"/>
        <source>Choose a campaign in the list to see its figures here.</source>
        <extracomment>the figures beside the list: wide enough for the longest label and a sum in Rials room for the sort indicator beside a header&apos;s words</extracomment>
        <translation>یک کمپین را در فهرست انتخاب کنید تا آمار آن اینجا نمایش داده شود.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/campaign_list.py" line="42"/>
        <source>Open campaign</source>
        <translation>باز کردن کمپین</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/campaign_list.py" line="43"/>
        <source>Edit</source>
        <translation>ویرایش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/campaign_list.py" line="49"/>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/campaign_list.py" line="49"/>
        <source>Channel</source>
        <translation>راه ارتباطی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/campaign_list.py" line="50"/>
        <source>Dates</source>
        <translation>تاریخ‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/campaign_list.py" line="50"/>
        <source>Members</source>
        <translation>اعضا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/campaign_list.py" line="51"/>
        <source>Response rate</source>
        <translation>نرخ پاسخ</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/campaign_list.py" line="52"/>
        <source>Conversion rate</source>
        <translation>نرخ تبدیل به مشتری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/campaign_list.py" line="53"/>
        <source>Cost</source>
        <translation>هزینه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/campaign_list.py" line="53"/>
        <source>Revenue</source>
        <translation>درآمد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/campaign_list.py" line="54"/>
        <source>Cost per customer</source>
        <translation>هزینه هر مشتری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/campaign_list.py" line="54"/>
        <source>ROI</source>
        <translation>بازده سرمایه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/campaign_list.py" line="55"/>
        <source>Owner</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/campaign_list.py" line="55"/>
        <source>Description</source>
        <translation>شرح</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/campaign_list.py" line="77"/>
        <source>{start} to {end}</source>
        <translation>{start} تا {end}</translation>
    </message>
</context>
<context>
    <name>CampaignsModel</name>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/campaigns_model.py" line="67"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/campaigns_model.py" line="68"/>
        <source>Channel</source>
        <translation>راه ارتباطی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/campaigns_model.py" line="70"/>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/campaigns_model.py" line="74"/>
        <source>Members</source>
        <translation>اعضا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/campaigns_model.py" line="50"/>
        <source>Toman</source>
        <extracomment>what a figure without a value shows (no cost: no ROI) the columns whose figures are sums of money (their unit is said in the header)</extracomment>
        <translation>تومان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/campaigns_model.py" line="51"/>
        <source>Rial</source>
        <translation>ریال</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/campaigns_model.py" line="72"/>
        <source>Start</source>
        <translation>شروع</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/campaigns_model.py" line="76"/>
        <source>Replied</source>
        <translation>پاسخ‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/campaigns_model.py" line="78"/>
        <source>Converted</source>
        <translation>تبدیل‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/campaigns_model.py" line="80"/>
        <source>Cost</source>
        <translation>هزینه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/campaigns_model.py" line="82"/>
        <source>Revenue</source>
        <translation>درآمد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/campaigns_model.py" line="84"/>
        <source>ROI</source>
        <translation>بازده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/campaigns_model.py" line="103"/>
        <source>{figure} ({unit})</source>
        <translation>{figure} ({unit})</translation>
    </message>
</context>
<context>
    <name>CampaignsView</name>
    <message>
        <location filename="../crm_desktop/ui/views/campaigns.py" line="37"/>
        <source>Campaigns</source>
        <extracomment>English title, translated in the &quot;CampaignsView&quot; context module under crm_desktop.ui.views, and the page class in it the tabs, in order (add a marketing page here)</extracomment>
        <translation>کمپین‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/campaigns.py" line="39"/>
        <source>Lists</source>
        <translation>فهرست‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/campaigns.py" line="40"/>
        <source>Segments</source>
        <translation>بخش‌های مشتریان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/campaigns.py" line="42"/>
        <source>Outbox</source>
        <translation>صندوق خروجی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/campaigns.py" line="43"/>
        <source>Automation</source>
        <translation>خودکارسازی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/campaigns.py" line="45"/>
        <source>Automation log</source>
        <translation>گزارش خودکارسازی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/campaigns.py" line="47"/>
        <source>Customer club</source>
        <translation>باشگاه مشتریان</translation>
    </message>
</context>
<context>
    <name>ChangeHistory</name>
    <message>
        <location filename="../crm_desktop/ui/widgets/change_history.py" line="27"/>
        <source>Change history</source>
        <translation>تاریخچهٔ تغییرات</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/change_history.py" line="28"/>
        <source>Who changed this record, what and when</source>
        <translation>چه کسی، چه چیزی از این پرونده را و چه زمانی تغییر داد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/change_history.py" line="84"/>
        <source>No changes recorded yet.</source>
        <translation>هنوز تغییری ثبت نشده است.</translation>
    </message>
</context>
<context>
    <name>ChartText</name>
    <message>
        <location filename="../crm_desktop/ui/widgets/chart_text.py" line="25"/>
        <source>{n}T</source>
        <translation>{n} هزار میلیارد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/chart_text.py" line="26"/>
        <source>{n}B</source>
        <translation>{n} میلیارد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/chart_text.py" line="27"/>
        <source>{n}M</source>
        <translation>{n} میلیون</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/chart_text.py" line="28"/>
        <source>{n}K</source>
        <translation>{n} هزار</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/chart_text.py" line="105"/>
        <source>{first} – {last}</source>
        <translation>{first} تا {last}</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <location filename="../crm_desktop/ui/widgets/chart_view.py" line="114"/>
        <source>No data for this period</source>
        <extracomment>the colour tokens of a chart&apos;s series or slices, in order a ring shows this many slices; the rest are summed into &quot;The rest&quot; a category was clicked: its index in the data as given categories drawn in reverse in a right-to-left window a value in full, under the mouse (by default as on its label) a click opens what stands behind a bar (the hand cursor over the bars)</extracomment>
        <translation>برای این بازه داده‌ای نیست</translation>
    </message>
</context>
<context>
    <name>ChoiceDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="81"/>
        <source>Add</source>
        <extracomment>a target entry&apos;s id the lists offered when adding a target campaign channels whose message the program sends itself (the outbox&apos;s)</extracomment>
        <translation>افزودن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/campaign_page.py" line="82"/>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
</context>
<context>
    <name>CloseTicketDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/ticket_dialog.py" line="147"/>
        <location filename="../crm_desktop/ui/dialogs/ticket_dialog.py" line="168"/>
        <source>Close ticket</source>
        <translation>بستن تیکت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/ticket_dialog.py" line="150"/>
        <source>Not asked</source>
        <translation>پرسیده نشد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/ticket_dialog.py" line="164"/>
        <source>What the customer said (optional)</source>
        <translation>نظر مشتری (اختیاری)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/ticket_dialog.py" line="169"/>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/ticket_dialog.py" line="173"/>
        <source>How satisfied was the customer? (1 = not at all, 5 = very)</source>
        <translation>مشتری چقدر راضی بود؟ (۱ = اصلاً، ۵ = بسیار)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/ticket_dialog.py" line="176"/>
        <source>Comment</source>
        <translation>یادداشت</translation>
    </message>
</context>
<context>
    <name>ClubModels</name>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/club_models.py" line="27"/>
        <source>Earned</source>
        <translation>کسب‌شده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/club_models.py" line="28"/>
        <source>Birthday</source>
        <translation>تولد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/club_models.py" line="29"/>
        <source>Referral</source>
        <translation>معرفی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/club_models.py" line="30"/>
        <source>Redeemed</source>
        <translation>استفاده‌شده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/club_models.py" line="31"/>
        <source>Expired</source>
        <translation>منقضی‌شده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/club_models.py" line="32"/>
        <source>Adjusted</source>
        <translation>اصلاح دستی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/club_models.py" line="38"/>
        <source>No tier</source>
        <translation>بدون سطح</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/club_models.py" line="65"/>
        <location filename="../crm_desktop/ui/qtmodels/club_models.py" line="141"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/club_models.py" line="66"/>
        <source>Mobile</source>
        <translation>موبایل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/club_models.py" line="68"/>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/club_models.py" line="69"/>
        <location filename="../crm_desktop/ui/qtmodels/club_models.py" line="128"/>
        <location filename="../crm_desktop/ui/qtmodels/club_models.py" line="142"/>
        <source>Tier</source>
        <translation>سطح</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/club_models.py" line="70"/>
        <location filename="../crm_desktop/ui/qtmodels/club_models.py" line="86"/>
        <location filename="../crm_desktop/ui/qtmodels/club_models.py" line="143"/>
        <source>Points</source>
        <translation>امتیاز</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/club_models.py" line="72"/>
        <source>Spent in 12 months</source>
        <translation>خرید ۱۲ ماه اخیر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/club_models.py" line="81"/>
        <source>When</source>
        <translation>زمان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/club_models.py" line="83"/>
        <source>Member</source>
        <translation>عضو</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/club_models.py" line="84"/>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/club_models.py" line="88"/>
        <source>Reason</source>
        <translation>علت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/club_models.py" line="90"/>
        <source>Expires</source>
        <translation>انقضا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/club_models.py" line="92"/>
        <source>By</source>
        <translation>کاربر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/club_models.py" line="129"/>
        <source>Members</source>
        <translation>اعضا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/club_models.py" line="131"/>
        <source>Share</source>
        <translation>سهم</translation>
    </message>
</context>
<context>
    <name>ClubPage</name>
    <message>
        <location filename="../crm_desktop/ui/views/club_page.py" line="152"/>
        <source>Customer club</source>
        <extracomment>tables whose changes the page shows how many members the &quot;top members&quot; table shows the width of the side with the tiers and the top members</extracomment>
        <translation>باشگاه مشتریان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/club_page.py" line="161"/>
        <source>Recompute</source>
        <translation>محاسبهٔ دوباره</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/club_page.py" line="164"/>
        <source>Compute every member&apos;s balance and tier again from the points ledger</source>
        <translation>مانده و سطح همهٔ اعضا را دوباره از دفتر امتیازها حساب کن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/club_page.py" line="191"/>
        <source>The customer club is switched off. Switch it on in Settings › Customer club: customers then earn points on their purchases, climb tiers and spend their points as a discount.</source>
        <translation>باشگاه مشتریان خاموش است. آن را در «تنظیمات › باشگاه مشتریان» روشن کنید: آن‌گاه مشتریان با هر خرید امتیاز می‌گیرند، سطحشان بالا می‌رود و امتیازشان را به‌صورت تخفیف خرج می‌کنند.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/club_page.py" line="197"/>
        <source>Open Settings</source>
        <translation>باز کردن تنظیمات</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/club_page.py" line="216"/>
        <source>Members by tier</source>
        <translation>اعضا به تفکیک سطح</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/club_page.py" line="219"/>
        <source>Choose a tier to list its members</source>
        <translation>سطحی را انتخاب کنید تا اعضایش فهرست شوند</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/club_page.py" line="222"/>
        <source>Top members</source>
        <translation>اعضای برتر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/club_page.py" line="243"/>
        <source>Search a member&apos;s name or mobile</source>
        <translation>جستجوی نام یا موبایل عضو</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/club_page.py" line="244"/>
        <source>All tiers</source>
        <translation>همهٔ سطح‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/club_page.py" line="245"/>
        <source>Tier</source>
        <translation>سطح</translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/views/club_page.py" line="246"/>
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln عضو</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/views/club_page.py" line="256"/>
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln ردیف</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/club_page.py" line="247"/>
        <source>Club members</source>
        <translation>اعضای باشگاه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/club_page.py" line="253"/>
        <source>Search a member</source>
        <translation>جستجوی عضو</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/club_page.py" line="254"/>
        <source>All kinds</source>
        <translation>همهٔ نوع‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/club_page.py" line="255"/>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/club_page.py" line="257"/>
        <location filename="../crm_desktop/ui/views/club_page.py" line="264"/>
        <source>Points ledger</source>
        <translation>دفتر امتیازها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/club_page.py" line="263"/>
        <source>Members</source>
        <translation>اعضا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/club_page.py" line="298"/>
        <source>Loyalty points and tiers for your customers.</source>
        <translation>امتیاز وفاداری و سطح‌بندی برای مشتریان شما.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/club_page.py" line="302"/>
        <source>One point for every {amount} spent</source>
        <translation>یک امتیاز برای هر {amount} خرید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/club_page.py" line="304"/>
        <source>a point is worth {amount}</source>
        <translation>ارزش هر امتیاز {amount}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/club_page.py" line="306"/>
        <source>{points} points outstanding</source>
        <translation>{points} امتیاز خرج‌نشده</translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/views/club_page.py" line="310"/>
        <source>points expire after %n month(s)</source>
        <translation>
            <numerusform>امتیازها پس از %n ماه منقضی می‌شوند</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/club_page.py" line="311"/>
        <source>points never expire</source>
        <translation>امتیازها منقضی نمی‌شوند</translation>
    </message>
</context>
<context>
    <name>ClubSettings</name>
    <message>
        <location filename="../crm_desktop/ui/views/settings_club.py" line="179"/>
        <source>Customers earn points on their purchases and redeem them</source>
        <translation>مشتریان با خرید امتیاز می‌گیرند و آن را خرج می‌کنند</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_club.py" line="190"/>
        <source>Points balance</source>
        <translation>ماندهٔ امتیاز</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_club.py" line="191"/>
        <source>Spend in the last 12 months</source>
        <translation>خرید ۱۲ ماه اخیر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_club.py" line="206"/>
        <source>Add a tier</source>
        <translation>افزودن سطح</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_club.py" line="210"/>
        <source>Remove the tier</source>
        <translation>حذف سطح</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_club.py" line="221"/>
        <source> month(s)</source>
        <translation> ماه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_club.py" line="222"/>
        <source>Never</source>
        <translation>هرگز</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_club.py" line="227"/>
        <source>Given to whoever referred a contact (the contact&apos;s &quot;Referred by&quot;) when that contact&apos;s first purchase earns points; taken back with that purchase</source>
        <translation>به کسی داده می‌شود که مخاطب را معرفی کرده («معرف» مخاطب)، وقتی نخستین خرید آن مخاطب امتیاز بگیرد؛ با پس گرفتن آن خرید پس گرفته می‌شود</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_club.py" line="229"/>
        <source>Points are earned on won deals and accepted proformas (a purchase counted once), and taken back when that stops. A member&apos;s tier is the highest whose threshold they reach.</source>
        <translation>امتیاز از معامله‌های موفق و پیش‌فاکتورهای پذیرفته‌شده به دست می‌آید (هر خرید یک بار شمرده می‌شود) و اگر آن خرید برگردد، امتیازش هم پس گرفته می‌شود. سطح هر عضو بالاترین سطحی است که به آستانه‌اش رسیده باشد.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_club.py" line="238"/>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_club.py" line="245"/>
        <source>Spend that earns one point</source>
        <translation>مبلغ خرید برای یک امتیاز</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_club.py" line="246"/>
        <source>Value of one point</source>
        <translation>ارزش هر امتیاز</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_club.py" line="247"/>
        <source>Tiers go by</source>
        <translation>سطح‌بندی بر پایهٔ</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_club.py" line="248"/>
        <source>Tiers</source>
        <translation>سطح‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_club.py" line="250"/>
        <source>Points expire after</source>
        <translation>انقضای امتیاز پس از</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_club.py" line="251"/>
        <source>Birthday points</source>
        <translation>امتیاز تولد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_club.py" line="252"/>
        <source>Points for a referral</source>
        <translation>امتیاز معرفی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_club.py" line="297"/>
        <source>New tier</source>
        <translation>سطح تازه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_club.py" line="322"/>
        <source>Saved.</source>
        <translation>ذخیره شد.</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_pages.py" line="387"/>
        <source>Choose what each column of your file is. Columns set to “Don&apos;t import” are left out. The choice is remembered for the next file with these columns.</source>
        <translation>برای هر ستون پرونده‌تان مشخص کنید چه اطلاعاتی در آن است. ستون‌هایی که «وارد نشود» باشند کنار گذاشته می‌شوند. این انتخاب برای پرونده بعدی با همین ستون‌ها به خاطر سپرده می‌شود.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_pages.py" line="399"/>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_pages.py" line="401"/>
        <source>{field} is chosen for more than one column ({columns}): keep it for one of them.</source>
        <translation>{field} برای بیش از یک ستون انتخاب شده است ({columns})؛ آن را فقط برای یکی از آن‌ها نگه دارید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_pages.py" line="406"/>
        <source>Choose at least one column to import.</source>
        <translation>دست‌کم یک ستون را برای ورود انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_pages.py" line="409"/>
        <source> or </source>
        <translation> یا </translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_pages.py" line="410"/>
        <source>No column is imported as the name: choose the column that holds the names ({fields}).</source>
        <translation>هیچ ستونی به‌عنوان نام وارد نمی‌شود: ستونی را که نام‌ها در آن است انتخاب کنید ({fields}).</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_pages.py" line="416"/>
        <source>{used} of {all} columns will be imported.</source>
        <translation>{used} ستون از {all} ستون وارد می‌شود.</translation>
    </message>
</context>
<context>
    <name>CommentDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/ticket_dialog.py" line="205"/>
        <source>Add comment</source>
        <translation>افزودن یادداشت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/ticket_dialog.py" line="209"/>
        <source>Internal note (the customer does not see it)</source>
        <translation>یادداشت داخلی (مشتری آن را نمی‌بیند)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/ticket_dialog.py" line="215"/>
        <source>Add</source>
        <translation>افزودن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/ticket_dialog.py" line="216"/>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
</context>
<context>
    <name>CompaniesView</name>
    <message>
        <location filename="../crm_desktop/ui/views/companies.py" line="44"/>
        <source>Search name, phone, national ID, e-mail or city (Ctrl+F)</source>
        <translation>جستجوی نام، تلفن، شناسه ملی، ایمیل یا شهر (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/companies.py" line="35"/>
        <source>All cities</source>
        <translation>همه شهرها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/companies.py" line="36"/>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/companies.py" line="37"/>
        <source>All owners</source>
        <translation>همه مسئولان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/companies.py" line="38"/>
        <source>Owner</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/companies.py" line="43"/>
        <source>New company</source>
        <translation>شرکت جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/companies.py" line="72"/>
        <source>Companies</source>
        <translation>شرکت‌ها</translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/views/companies.py" line="75"/>
        <source>%Ln company(s)</source>
        <translation>
            <numerusform>%Ln شرکت</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/companies.py" line="78"/>
        <source>No companies yet: add the first one.</source>
        <translation>هنوز شرکتی ثبت نشده است: نخستین شرکت را اضافه کنید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/companies.py" line="92"/>
        <source>Move {name} to the Trash? Its people and deals are kept. You can restore it from Edit &gt; Trash.</source>
        <translation>«{name}» به سطل بازیافت منتقل شود؟ مخاطبان و معامله‌های آن حذف نمی‌شوند. می‌توانید آن را از منوی «ویرایش ← سطل بازیافت» بازگردانید.</translation>
    </message>
</context>
<context>
    <name>CompanyPanel</name>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="34"/>
        <source>Choose a company in the list to see its details, people and deals here.</source>
        <translation>یک شرکت را از فهرست انتخاب کنید تا جزئیات، مخاطبان و معامله‌های آن در اینجا نمایش داده شود.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="38"/>
        <source>New deal</source>
        <translation>معامله جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="39"/>
        <source>New proforma</source>
        <translation>پیش‌فاکتور جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="47"/>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="47"/>
        <source>Fax</source>
        <translation>نمابر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="48"/>
        <source>E-mail</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="48"/>
        <source>Website</source>
        <translation>وب‌سایت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="49"/>
        <source>National ID (legal entity)</source>
        <translation>شناسه ملی (شخص حقوقی)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="50"/>
        <source>Economic code</source>
        <translation>کد اقتصادی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="51"/>
        <source>Registration number</source>
        <translation>شماره ثبت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="52"/>
        <source>Industry</source>
        <translation>صنعت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="52"/>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="53"/>
        <source>Address</source>
        <translation>نشانی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="53"/>
        <source>Postal code</source>
        <translation>کد پستی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="54"/>
        <source>Owner</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="54"/>
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="104"/>
        <source>Contacts</source>
        <translation>مخاطبان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="108"/>
        <source>No contacts yet: choose this company in a contact&apos;s form to link them.</source>
        <translation>هنوز مخاطبی به این شرکت وصل نشده است؛ برای وصل کردن، این شرکت را در فرم مخاطب انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="121"/>
        <source>Deals</source>
        <translation>معامله‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="125"/>
        <source>No deals yet.</source>
        <translation>هنوز معامله‌ای ثبت نشده است.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/company_panel.py" line="135"/>
        <source>{what} ({n})</source>
        <translation>{what} ({n})</translation>
    </message>
</context>
<context>
    <name>CompanyProfileDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/company_profile_dialog.py" line="91"/>
        <source>Company profile</source>
        <translation>مشخصات کسب‌وکار</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/company_profile_dialog.py" line="95"/>
        <source>Business name</source>
        <translation>نام کسب‌وکار</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/company_profile_dialog.py" line="96"/>
        <source>National ID (legal entity)</source>
        <translation>شناسه ملی (شخص حقوقی)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/company_profile_dialog.py" line="97"/>
        <source>Economic code</source>
        <translation>کد اقتصادی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/company_profile_dialog.py" line="98"/>
        <source>Address</source>
        <translation>نشانی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/company_profile_dialog.py" line="99"/>
        <source>Postal code</source>
        <translation>کد پستی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/company_profile_dialog.py" line="100"/>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/company_profile_dialog.py" line="101"/>
        <source>E-mail</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/company_profile_dialog.py" line="102"/>
        <source>Website</source>
        <translation>وب‌سایت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/company_profile_dialog.py" line="103"/>
        <source>Logo</source>
        <translation>نشان (لوگو)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/company_profile_dialog.py" line="103"/>
        <source>Choose a picture…</source>
        <translation>انتخاب تصویر…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/company_profile_dialog.py" line="104"/>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/company_profile_dialog.py" line="105"/>
        <source>VAT rate (percent)</source>
        <translation>نرخ مالیات بر ارزش افزوده (درصد)</translation>
    </message>
</context>
<context>
    <name>ConditionsDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_conditions.py" line="61"/>
        <source>Who the rule applies to</source>
        <extracomment>lists offered (more is not a choice someone makes from a menu)</extracomment>
        <translation>قانون برای چه کسانی است</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_conditions.py" line="64"/>
        <source>On any of these lists</source>
        <translation>عضو یکی از این فهرست‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_conditions.py" line="99"/>
        <source>(before the lists)</source>
        <translation>(بدون در نظر گرفتن فهرست‌ها)</translation>
    </message>
</context>
<context>
    <name>ContactBinding</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_dialog.py" line="67"/>
        <source>No person</source>
        <translation>بدون مخاطب</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_dialog.py" line="68"/>
        <source>(none)</source>
        <translation>(ندارد)</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="94"/>
        <source>New contact</source>
        <extracomment>the name of the contact set from outside (the record as loaded)</extracomment>
        <translation>مخاطب جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="95"/>
        <source>Edit contact</source>
        <translation>ویرایش مخاطب</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="110"/>
        <source>First name</source>
        <extracomment>the referrer as loaded (None: none, or one in the Trash): sent only when changed</extracomment>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="111"/>
        <source>Last name</source>
        <translation>نام خانوادگی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="112"/>
        <source>Mobile</source>
        <translation>موبایل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="113"/>
        <source>Second mobile</source>
        <translation>موبایل دوم</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="114"/>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="115"/>
        <source>E-mail</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="117"/>
        <source>National code</source>
        <translation>کد ملی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="118"/>
        <source>Birthday</source>
        <translation>تاریخ تولد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="121"/>
        <source>Gender</source>
        <translation>جنسیت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="122"/>
        <source>Company</source>
        <translation>شرکت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="123"/>
        <source>(none)</source>
        <translation>(ندارد)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="124"/>
        <source>Job title</source>
        <translation>سمت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="125"/>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="126"/>
        <source>Address</source>
        <translation>نشانی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="127"/>
        <source>Postal code</source>
        <translation>کد پستی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="128"/>
        <source>Lifecycle stage</source>
        <translation>مرحله مشتری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="129"/>
        <source>How they found us</source>
        <translation>نحوه آشنایی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="130"/>
        <source>(unknown)</source>
        <translation>(نامشخص)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="131"/>
        <source>Referred by</source>
        <translation>معرف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="133"/>
        <source>Owner</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="135"/>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="136"/>
        <source>for example: VIP, wholesale</source>
        <translation>مثلاً: ویژه، عمده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="137"/>
        <source>Marketing messages</source>
        <translation>پیام‌های تبلیغاتی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="181"/>
        <source>Open that contact</source>
        <translation>باز کردن آن مخاطب</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="138"/>
        <source>Agrees to SMS</source>
        <translation>با دریافت پیامک موافق است</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="139"/>
        <source>Agrees to e-mail</source>
        <translation>با دریافت ایمیل موافق است</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="140"/>
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/contact_dialog.py" line="179"/>
        <source>{name} already has this mobile or national code.</source>
        <translation>این موبایل یا کد ملی قبلاً برای «{name}» ثبت شده است.</translation>
    </message>
</context>
<context>
    <name>ContactPanel</name>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="32"/>
        <source>Choose a contact in the list to see their details and history here.</source>
        <translation>یک مخاطب را از فهرست انتخاب کنید تا جزئیات و سوابق او در اینجا نمایش داده شود.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="42"/>
        <source>Log a call</source>
        <translation>ثبت تماس</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="42"/>
        <source>Add a note</source>
        <translation>افزودن یادداشت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="43"/>
        <source>Add a task</source>
        <translation>افزودن وظیفه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="43"/>
        <source>New deal</source>
        <translation>معامله جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="44"/>
        <source>New ticket</source>
        <translation>تیکت جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="44"/>
        <source>New proforma</source>
        <translation>پیش‌فاکتور جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="48"/>
        <source>Adjust points…</source>
        <translation>اصلاح امتیاز…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="50"/>
        <source>Redeem…</source>
        <translation>خرج امتیاز…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="53"/>
        <source>Mobile</source>
        <translation>موبایل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="53"/>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="54"/>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="208"/>
        <source>E-mail</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="54"/>
        <source>National code</source>
        <translation>کد ملی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="55"/>
        <source>Birthday</source>
        <translation>تاریخ تولد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="55"/>
        <source>Company</source>
        <translation>شرکت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="56"/>
        <source>Job title</source>
        <translation>سمت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="56"/>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="57"/>
        <source>Address</source>
        <translation>نشانی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="57"/>
        <source>Owner</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="58"/>
        <source>How they found us</source>
        <translation>نحوه آشنایی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="59"/>
        <source>Referred by</source>
        <translation>معرف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="59"/>
        <source>Referred</source>
        <translation>معرفی کرده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="60"/>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="61"/>
        <source>Club points</source>
        <translation>امتیاز باشگاه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="62"/>
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="128"/>
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln نفر</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="208"/>
        <source>SMS</source>
        <translation>پیامک</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="209"/>
        <source>queued</source>
        <translation>در صف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="209"/>
        <source>sending</source>
        <translation>در حال ارسال</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="210"/>
        <source>sent</source>
        <translation>فرستاده شد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="210"/>
        <source>not sent</source>
        <translation>فرستاده نشد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="211"/>
        <source>cancelled</source>
        <translation>لغو شد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="213"/>
        <source>Message</source>
        <translation>پیام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="61"/>
        <source>Purchases (RFM)</source>
        <translation>خریدها (RFM)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="74"/>
        <source>History</source>
        <translation>سوابق</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="134"/>
        <source>Customer segment (RFM)</source>
        <translation>بخش مشتری (RFM)</translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="136"/>
        <source>No purchase in the last %Ln year(s)</source>
        <translation>
            <numerusform>بدون خرید در %Ln سال گذشته</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="139"/>
        <source>{count} purchase(s), {money}, the last {days} day(s) ago — R {r} · F {f} · M {m}</source>
        <translation>{count} خرید، {money}، آخرین خرید {days} روز پیش — تازگی {r}، تکرار {f}، مبلغ {m}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="158"/>
        <source>No tier</source>
        <translation>بدون سطح</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="159"/>
        <source>Customer club tier</source>
        <translation>سطح در باشگاه مشتریان</translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="161"/>
        <source>%Ln point(s)</source>
        <translation>
            <numerusform>%Ln امتیاز</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="163"/>
        <source>{points} more to {tier}</source>
        <translation>{points} امتیاز تا {tier}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="169"/>
        <source>{points} expire on {date}</source>
        <translation>{points} امتیاز در {date} منقضی می‌شود</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="177"/>
        <source>No history yet: calls, notes, deals, proformas and tickets will appear here.</source>
        <translation>هنوز سابقه‌ای ثبت نشده است؛ تماس‌ها، یادداشت‌ها، معامله‌ها، پیش‌فاکتورها و تیکت‌ها در اینجا نمایش داده می‌شوند.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="190"/>
        <source>Deal</source>
        <translation>معامله</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="195"/>
        <source>Proforma</source>
        <translation>پیش‌فاکتور</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contact_panel.py" line="197"/>
        <source>Ticket</source>
        <translation>تیکت</translation>
    </message>
</context>
<context>
    <name>ContactPicker</name>
    <message>
        <location filename="../crm_desktop/ui/widgets/contact_picker.py" line="42"/>
        <source>Type a name or a mobile to search…</source>
        <extracomment>results shown at once text -&gt; [(id, name, what else identifies them: mobile, company, city)] the chosen contact (or the typed text) changed contacts never offered (the contact being edited)</extracomment>
        <translation>برای جستجو نام یا موبایل را بنویسید…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/contact_picker.py" line="46"/>
        <source>No one</source>
        <translation>هیچ‌کس</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/contacts_model.py" line="19"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/contacts_model.py" line="22"/>
        <source>Mobile</source>
        <translation>موبایل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/contacts_model.py" line="26"/>
        <source>Company</source>
        <translation>شرکت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/contacts_model.py" line="27"/>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/contacts_model.py" line="30"/>
        <source>Stage</source>
        <translation>مرحله</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/contacts_model.py" line="34"/>
        <source>Owner</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/contacts_model.py" line="37"/>
        <source>Last activity</source>
        <translation>آخرین فعالیت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/contacts_model.py" line="43"/>
        <source>Created</source>
        <translation>تاریخ ثبت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/contacts_model.py" line="50"/>
        <source>Tier</source>
        <translation>سطح</translation>
    </message>
</context>
<context>
    <name>ContactsView</name>
    <message>
        <location filename="../crm_desktop/ui/views/contacts.py" line="72"/>
        <source>Search name, mobile, e-mail or national code (Ctrl+F)</source>
        <translation>جستجوی نام، موبایل، ایمیل یا کد ملی (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contacts.py" line="52"/>
        <source>All stages</source>
        <translation>همه مراحل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contacts.py" line="53"/>
        <source>Stage</source>
        <translation>مرحله</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contacts.py" line="54"/>
        <source>All cities</source>
        <translation>همه شهرها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contacts.py" line="55"/>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contacts.py" line="56"/>
        <source>All tags</source>
        <translation>همه برچسب‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contacts.py" line="57"/>
        <source>Tag</source>
        <translation>برچسب</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contacts.py" line="58"/>
        <source>All owners</source>
        <translation>همه مسئولان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contacts.py" line="59"/>
        <source>Owner</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contacts.py" line="62"/>
        <source>All segments</source>
        <translation>همه بخش‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contacts.py" line="71"/>
        <source>New contact</source>
        <translation>مخاطب جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contacts.py" line="91"/>
        <source>Add to list</source>
        <translation>افزودن به فهرست</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contacts.py" line="105"/>
        <source>Tier: {name}</source>
        <translation>سطح: {name}</translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/views/contacts.py" line="175"/>
        <source>%Ln contact(s)</source>
        <translation>
            <numerusform>%Ln مخاطب</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contacts.py" line="178"/>
        <source>No contacts yet: add the first one.</source>
        <translation>هنوز مخاطبی ثبت نشده است: نخستین مخاطب را اضافه کنید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/contacts.py" line="194"/>
        <source>Move {name} to the Trash? You can restore it from Edit &gt; Trash.</source>
        <translation>«{name}» به سطل بازیافت منتقل شود؟ می‌توانید آن را از منوی «ویرایش ← سطل بازیافت» بازگردانید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/screenshots.py" line="273"/>
        <location filename="../crm_desktop/ui/views/contacts.py" line="172"/>
        <source>Contacts</source>
        <translation>مخاطبان</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../crm_desktop/ui/controller.py" line="72"/>
        <location filename="../crm_desktop/ui/controller.py" line="133"/>
        <source>This database cannot be opened:</source>
        <extracomment>the outbox sending that resumed when the database was opened the automation runs at start-up and every 15 minutes (ui/automation_runner.py) the day&apos;s automatic backup (ui/backup_runner.py); on exit too, for shown windows
----------
an older database&apos;s upgrade shows its steps</extracomment>
        <translation>این پایگاه داده را نمی‌توان باز کرد:</translation>
    </message>
</context>
<context>
    <name>CountEdit</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="128"/>
        <source>Any</source>
        <translation>هر تعداد</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard.py" line="147"/>
        <source>All owners</source>
        <extracomment>the cards, by group, in reading order the months of the revenue and satisfaction charts below this page width the charts stand two in a row, the revenue chart alone</extracomment>
        <translation>همه مسئولان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard.py" line="148"/>
        <source>Owner</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard.py" line="180"/>
        <source>Sales</source>
        <translation>فروش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard.py" line="180"/>
        <source>Customers</source>
        <translation>مشتریان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard.py" line="181"/>
        <source>Support</source>
        <translation>پشتیبانی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard.py" line="207"/>
        <source>Revenue by month</source>
        <translation>درآمد ماه به ماه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard.py" line="208"/>
        <source>Deals by stage</source>
        <translation>معامله‌ها در هر مرحله</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard.py" line="209"/>
        <source>Lead sources</source>
        <translation>منابع سرنخ</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard.py" line="210"/>
        <source>Tickets by category</source>
        <translation>تیکت‌ها بر اساس دسته</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard.py" line="212"/>
        <source>Satisfaction by month</source>
        <translation>رضایت ماه به ماه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard.py" line="218"/>
        <source>Charts</source>
        <translation>نمودارها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard.py" line="270"/>
        <source>Compared with {period}</source>
        <translation>در مقایسه با {period}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard.py" line="274"/>
        <source>Nothing was recorded in {period} yet: choose another period or owner, or add contacts, deals and tickets.</source>
        <translation>هنوز چیزی در {period} ثبت نشده است: بازه یا مسئول دیگری انتخاب کنید، یا مخاطب، معامله و تیکت اضافه کنید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard.py" line="285"/>
        <source>In Toman</source>
        <translation>به تومان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard.py" line="286"/>
        <source>In Rial</source>
        <translation>به ریال</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard.py" line="294"/>
        <source>Deals created in {period}, by their stage now</source>
        <translation>معامله‌های ساخته‌شده در {period}، بر اساس مرحلهٔ کنونی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard.py" line="301"/>
        <location filename="../crm_desktop/ui/views/dashboard.py" line="365"/>
        <source>No source</source>
        <translation>بدون منبع</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard.py" line="304"/>
        <source>Contacts created in {period}</source>
        <translation>مخاطبان ثبت‌شده در {period}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard.py" line="312"/>
        <source>Tickets opened in {period}</source>
        <translation>تیکت‌های بازشده در {period}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard.py" line="320"/>
        <source>Average score of 1 to 5</source>
        <translation>میانگین امتیاز از ۱ تا ۵</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard.py" line="355"/>
        <source>Revenue</source>
        <translation>درآمد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard.py" line="378"/>
        <source>Satisfaction</source>
        <translation>رضایت</translation>
    </message>
</context>
<context>
    <name>DealCard</name>
    <message>
        <location filename="../crm_desktop/ui/widgets/deal_board.py" line="142"/>
        <source>Close: {date}</source>
        <extracomment>what a dragged card carries: the deal id as ASCII digits the won and lost drop zones at the end of the board: wide enough to read and to aim at cards a &quot;show more&quot; click adds to a column the lost reason to put back when the deal came from a lost stage</extracomment>
        <translation>بستن: {date}</translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/widgets/deal_board.py" line="146"/>
        <source>%Ln day(s) in stage</source>
        <translation>
            <numerusform>%Ln روز در این مرحله</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/deal_board.py" line="153"/>
        <source>Overdue: expected to close on {date} and still open</source>
        <translation>عقب افتاده: قرار بود {date} بسته شود و هنوز باز است</translation>
    </message>
</context>
<context>
    <name>DealDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_dialog.py" line="104"/>
        <source>New deal</source>
        <translation>معامله جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_dialog.py" line="104"/>
        <source>Edit deal</source>
        <translation>ویرایش معامله</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_dialog.py" line="130"/>
        <source>(none)</source>
        <extracomment>a won deal shows its customer&apos;s satisfaction score</extracomment>
        <translation>(ندارد)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_dialog.py" line="131"/>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_dialog.py" line="132"/>
        <source>Person</source>
        <translation>مخاطب</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_dialog.py" line="133"/>
        <source>Company</source>
        <translation>شرکت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_dialog.py" line="135"/>
        <source>Amount</source>
        <translation>مبلغ</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_dialog.py" line="140"/>
        <source>Stage</source>
        <translation>مرحله</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_dialog.py" line="141"/>
        <source>Expected close</source>
        <translation>تاریخ پیش‌بینی بستن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_dialog.py" line="142"/>
        <source>Owner</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_dialog.py" line="144"/>
        <source>Source campaign</source>
        <translation>کمپین منبع</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_dialog.py" line="148"/>
        <source>{score} of 5</source>
        <translation>{score} از ۵</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_dialog.py" line="150"/>
        <source>Satisfaction</source>
        <translation>رضایت مشتری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_dialog.py" line="151"/>
        <source>(not asked)</source>
        <translation>(پرسیده نشده)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_dialog.py" line="152"/>
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
</context>
<context>
    <name>DealPage</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_page.py" line="59"/>
        <source>Stage</source>
        <extracomment>at most this many activities and proformas are listed the record id of a list entry (empty-state entries have none) a proforma entry&apos;s stored status</extracomment>
        <translation>مرحله</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_page.py" line="59"/>
        <source>Amount</source>
        <translation>مبلغ</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_page.py" line="60"/>
        <source>Contact</source>
        <translation>مخاطب</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_page.py" line="60"/>
        <source>Company</source>
        <translation>شرکت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_page.py" line="61"/>
        <source>Expected close</source>
        <translation>تاریخ پیش‌بینی بستن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_page.py" line="61"/>
        <source>Owner</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_page.py" line="62"/>
        <source>Satisfaction</source>
        <translation>رضایت مشتری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_page.py" line="82"/>
        <source>Stage history</source>
        <translation>سابقه مراحل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_page.py" line="83"/>
        <source>Activities</source>
        <translation>فعالیت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_page.py" line="85"/>
        <source>Proformas</source>
        <translation>پیش‌فاکتورها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_page.py" line="90"/>
        <source>Edit</source>
        <translation>ویرایش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_page.py" line="94"/>
        <source>New proforma</source>
        <translation>پیش‌فاکتور جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_page.py" line="98"/>
        <source>Mark accepted and won</source>
        <translation>ثبت پذیرش و موفقیت معامله</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_page.py" line="101"/>
        <source>Accept the selected proforma and move this deal to the won stage</source>
        <translation>پیش‌فاکتور انتخاب‌شده پذیرفته شود و معامله به مرحله موفق برود</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_page.py" line="103"/>
        <source>Log activity</source>
        <translation>ثبت فعالیت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_page.py" line="126"/>
        <source>Deal</source>
        <translation>معامله</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_page.py" line="126"/>
        <source>This deal no longer exists; someone may have deleted it.</source>
        <translation>این معامله دیگر وجود ندارد؛ ممکن است کسی آن را حذف کرده باشد.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_page.py" line="133"/>
        <source>Deal: {title}</source>
        <translation>معامله: {title}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_page.py" line="149"/>
        <source>{score} of 5</source>
        <translation>{score} از ۵</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_page.py" line="174"/>
        <source>No stage changes yet.</source>
        <translation>هنوز مرحله‌ای تغییر نکرده است.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_page.py" line="180"/>
        <source>Created in {stage}</source>
        <translation>ایجاد در مرحله {stage}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_page.py" line="196"/>
        <source>No activities yet: calls, meetings and tasks linked to this deal will appear here.</source>
        <translation>هنوز فعالیتی نیست؛ تماس‌ها، جلسه‌ها و وظیفه‌های این معامله اینجا نمایش داده می‌شوند.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_page.py" line="218"/>
        <source>No proformas yet: use New proforma to issue one for this deal.</source>
        <translation>هنوز پیش‌فاکتوری نیست؛ با «پیش‌فاکتور جدید» برای این معامله پیش‌فاکتور صادر کنید.</translation>
    </message>
</context>
<context>
    <name>DisplaySettings</name>
    <message>
        <location filename="../crm_desktop/ui/views/settings_display.py" line="14"/>
        <source>Display</source>
        <translation>نمایش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_display.py" line="19"/>
        <source>Same as the system</source>
        <translation>مانند سیستم‌عامل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_display.py" line="20"/>
        <source>Light</source>
        <translation>روشن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_display.py" line="20"/>
        <source>Dark</source>
        <translation>تیره</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_display.py" line="25"/>
        <source>Normal</source>
        <translation>معمولی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_display.py" line="25"/>
        <source>Large</source>
        <translation>درشت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_display.py" line="26"/>
        <source>Larger</source>
        <translation>درشت‌تر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_display.py" line="32"/>
        <source>Theme</source>
        <translation>پوسته</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_display.py" line="33"/>
        <source>Text size</source>
        <translation>اندازه متن</translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_pages.py" line="87"/>
        <source>Drop an Excel or CSV file here, or</source>
        <translation>پرونده اکسل یا CSV را اینجا رها کنید، یا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_pages.py" line="89"/>
        <source>Choose a file…</source>
        <translation>انتخاب پرونده…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_pages.py" line="92"/>
        <source>Excel (.xlsx, .xls), OpenDocument (.ods) or CSV</source>
        <translation>اکسل (xlsx یا xls)، اُپن‌داکیومنت (ods) یا CSV</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/duplicates_model.py" line="35"/>
        <source>Same mobile</source>
        <extracomment>names listed in a group&apos;s row before &quot;…&quot; the chip tone of each reason (ui/widgets/chip_delegate.py tones) the name of each reason, as its chip and the groups&apos; first column show it</extracomment>
        <translation>موبایل یکسان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/duplicates_model.py" line="36"/>
        <source>Same national code</source>
        <translation>کد ملی یکسان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/duplicates_model.py" line="37"/>
        <source>Same e-mail</source>
        <translation>ایمیل یکسان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/duplicates_model.py" line="38"/>
        <source>Same national ID</source>
        <translation>شناسه ملی یکسان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/duplicates_model.py" line="39"/>
        <source>Same phone</source>
        <translation>تلفن یکسان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/duplicates_model.py" line="40"/>
        <source>Similar name</source>
        <translation>نام مشابه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/duplicates_model.py" line="43"/>
        <source>Reason</source>
        <translation>دلیل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/duplicates_model.py" line="44"/>
        <source>Shared value</source>
        <translation>مقدار مشترک</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/duplicates_model.py" line="45"/>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/duplicates_model.py" line="46"/>
        <source>Records</source>
        <translation>تعداد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/duplicates_model.py" line="47"/>
        <source>Names</source>
        <translation>نام‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/duplicates_model.py" line="48"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/duplicates_model.py" line="49"/>
        <source>Mobile</source>
        <translation>موبایل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/duplicates_model.py" line="50"/>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/duplicates_model.py" line="51"/>
        <source>E-mail</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/duplicates_model.py" line="52"/>
        <source>National code</source>
        <translation>کد ملی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/duplicates_model.py" line="53"/>
        <source>National ID</source>
        <translation>شناسه ملی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/duplicates_model.py" line="54"/>
        <source>Created</source>
        <translation>تاریخ ثبت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/duplicates_model.py" line="55"/>
        <source>Same name</source>
        <translation>نام یکسان</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/duplicates_dialog.py" line="82"/>
        <source>Find duplicates</source>
        <extracomment>the tables a merge of each kind changes (announced to the views)</extracomment>
        <translation>یافتن موارد تکراری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/duplicates_dialog.py" line="95"/>
        <source>Contacts</source>
        <translation>مخاطبان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/duplicates_dialog.py" line="96"/>
        <source>Companies</source>
        <translation>شرکت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/duplicates_dialog.py" line="117"/>
        <location filename="../crm_desktop/ui/dialogs/duplicates_dialog.py" line="142"/>
        <source>Search again</source>
        <translation>جست‌وجوی دوباره</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/duplicates_dialog.py" line="141"/>
        <source>No duplicates found.</source>
        <translation>تکراری پیدا نشد.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/duplicates_dialog.py" line="158"/>
        <source>Merge…</source>
        <translation>ادغام…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/duplicates_dialog.py" line="176"/>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/duplicates_dialog.py" line="197"/>
        <source>Looking for duplicates…</source>
        <translation>در حال یافتن موارد تکراری…</translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/dialogs/duplicates_dialog.py" line="264"/>
        <source>%Ln group(s) shown</source>
        <translation>
            <numerusform>%Ln گروه</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/duplicates_dialog.py" line="314"/>
        <source>Tick the records that are one and the same (at most {max} at a time).</source>
        <translation>موردهایی را که یک نفر یا یک شرکت‌اند علامت بزنید (هر بار حداکثر {max} مورد).</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/duplicates_dialog.py" line="317"/>
        <source>Untick a record that is someone else; the others become one.</source>
        <translation>اگر موردی مال کس دیگری است، علامتش را بردارید؛ بقیه یکی می‌شوند.</translation>
    </message>
</context>
<context>
    <name>DuplicatesModel</name>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/import_preview_model.py" line="183"/>
        <source>Row</source>
        <translation>ردیف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/import_preview_model.py" line="183"/>
        <source>Name in the file</source>
        <translation>نام در پرونده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/import_preview_model.py" line="183"/>
        <source>Matches</source>
        <translation>همانند</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/import_preview_model.py" line="184"/>
        <source>Same</source>
        <translation>یکسان در</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/import_preview_model.py" line="184"/>
        <source>What to do</source>
        <translation>چه شود</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../crm_desktop/ui/widgets/empty_state.py" line="39"/>
        <source>Clear the filter</source>
        <translation>پاک کردن فیلتر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/empty_state.py" line="104"/>
        <source>Nothing matches; clear the filter to see everything.</source>
        <translation>چیزی پیدا نشد؛ برای دیدن همه، فیلتر و جستجو را پاک کنید.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../crm_desktop/ui/errors.py" line="27"/>
        <source>Please check</source>
        <translation>لطفاً بررسی کنید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/errors.py" line="48"/>
        <source>Something went wrong and this action was not completed. Your saved data is safe. The details were written to the log file ({file}).</source>
        <translation>مشکلی پیش آمد و این کار انجام نشد. اطلاعات ذخیره‌شده شما محفوظ است. جزئیات در پرونده گزارش رویدادها ({file}) ثبت شد.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/errors.py" line="56"/>
        <source>Sorry</source>
        <translation>پوزش می‌خواهیم</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/errors.py" line="66"/>
        <source>The database is open in another window or program. Close it there, then press Retry. Nothing was changed.</source>
        <translation>پایگاه داده در پنجره یا برنامهٔ دیگری باز است. آن را در آنجا ببندید و سپس «تلاش دوباره» را بزنید. چیزی تغییر نکرد.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/errors.py" line="70"/>
        <source>The database is busy: another window or program is using it and did not let go in time. Nothing was changed. Press Retry to try again.</source>
        <translation>پایگاه داده مشغول است: پنجره یا برنامهٔ دیگری از آن استفاده می‌کند و به‌موقع آزادش نکرد. چیزی تغییر نکرد. برای امتحان دوباره «تلاش دوباره» را بزنید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/errors.py" line="81"/>
        <location filename="../crm_desktop/ui/errors.py" line="133"/>
        <source>Database busy</source>
        <translation>پایگاه داده مشغول است</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/errors.py" line="102"/>
        <source>Retry</source>
        <translation>تلاش دوباره</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/errors.py" line="104"/>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/errors.py" line="130"/>
        <source>The database is busy: another window or program is using it. Try again in a moment.</source>
        <translation>پایگاه داده مشغول است: پنجره یا برنامهٔ دیگری از آن استفاده می‌کند. لحظه‌ای بعد دوباره امتحان کنید.</translation>
    </message>
</context>
<context>
    <name>ErrorsModel</name>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/import_preview_model.py" line="132"/>
        <source>Row</source>
        <translation>ردیف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/import_preview_model.py" line="132"/>
        <source>Field</source>
        <translation>فیلد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/import_preview_model.py" line="132"/>
        <source>Problem</source>
        <translation>مشکل</translation>
    </message>
</context>
<context>
    <name>ExportButton</name>
    <message>
        <location filename="../crm_desktop/ui/widgets/export_button.py" line="18"/>
        <source>Export</source>
        <translation>خروجی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/export_button.py" line="20"/>
        <source>Write the list as it is shown (filters, order and columns) to a file</source>
        <translation>فهرست را همان‌طور که نمایش داده می‌شود (فیلترها، ترتیب و ستون‌ها) در یک پرونده بنویسید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/export_button.py" line="56"/>
        <source>Excel (.xlsx)</source>
        <translation>اکسل (.xlsx)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/export_button.py" line="56"/>
        <source>CSV, UTF-8 (.csv)</source>
        <translation>CSV با UTF-8 (.csv)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/export_button.py" line="57"/>
        <source>PDF (.pdf)</source>
        <translation>پی‌دی‌اف (.pdf)</translation>
    </message>
</context>
<context>
    <name>ExportProgressDialog</name>
    <message>
        <location filename="../crm_desktop/ui/export_runner.py" line="113"/>
        <source>Writing {file}</source>
        <translation>در حال نوشتن {file}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/export_runner.py" line="120"/>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/export_runner.py" line="137"/>
        <source>{done} of {total} rows</source>
        <translation>{done} از {total} ردیف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/export_runner.py" line="142"/>
        <source>{done} rows</source>
        <translation>{done} ردیف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/export_runner.py" line="149"/>
        <source>Cancelling…</source>
        <translation>در حال لغو…</translation>
    </message>
</context>
<context>
    <name>ExportRunner</name>
    <message>
        <location filename="../crm_desktop/ui/export_runner.py" line="57"/>
        <source>Excel (*.xlsx)</source>
        <extracomment>file formats a list or a report exports to: suffix -&gt; the file dialog&apos;s filter (translated when used)</extracomment>
        <translation>اکسل (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/export_runner.py" line="58"/>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV با UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/export_runner.py" line="60"/>
        <source>PDF (*.pdf)</source>
        <translation>پی‌دی‌اف (*.pdf)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/export_runner.py" line="206"/>
        <source>{rows} rows were written to {file}.</source>
        <translation>{rows} ردیف در {file} نوشته شد.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/export_runner.py" line="212"/>
        <source>Open the file</source>
        <translation>باز کردن پرونده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/export_runner.py" line="252"/>
        <source>Export</source>
        <translation>خروجی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/export_runner.py" line="295"/>
        <location filename="../crm_desktop/ui/screenshots.py" line="275"/>
        <source>Exporting {name}</source>
        <translation>خروجی گرفتن از {name}</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_pages.py" line="146"/>
        <source>What do you want to import?</source>
        <translation>چه چیزی را می‌خواهید وارد کنید؟</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_pages.py" line="175"/>
        <source>Sheet:</source>
        <translation>برگه:</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_pages.py" line="219"/>
        <source>one row per person, one column per detail: name, mobile, e-mail, national code, city, birthday, company…</source>
        <translation>برای هر شخص یک ردیف و برای هر مشخصه یک ستون: نام، موبایل، ایمیل، کد ملی، شهر، تاریخ تولد، شرکت…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_pages.py" line="221"/>
        <source>one row per company, one column per detail: name, phone, national ID, economic code, city, address…</source>
        <translation>برای هر شرکت یک ردیف و برای هر مشخصه یک ستون: نام، تلفن، شناسه ملی، کد اقتصادی، شهر، نشانی…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_pages.py" line="223"/>
        <source>one row per product or service, one column per detail: name, product code, unit, price…</source>
        <translation>برای هر کالا یا خدمت یک ردیف و برای هر مشخصه یک ستون: نام، کد کالا، واحد، قیمت…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_pages.py" line="227"/>
        <source>the first row of the table names its columns; title rows above it and blank rows are fine;</source>
        <translation>نخستین ردیف جدول نام ستون‌ها را دارد؛ ردیف‌های عنوان بالای آن و ردیف‌های خالی اشکالی ندارند؛</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_pages.py" line="229"/>
        <source>mobiles, Jalali or Gregorian dates and Persian or English digits may be written any way: they are cleaned up, and the rows that still have a problem are listed before anything is saved.</source>
        <translation>موبایل‌ها، تاریخ‌های شمسی یا میلادی و رقم‌های فارسی یا انگلیسی به هر شکلی نوشته شده باشند مرتب می‌شوند، و ردیف‌هایی که باز هم مشکل دارند پیش از ذخیره فهرست می‌شوند.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_pages.py" line="233"/>
        <source>A good file has</source>
        <translation>ویژگی‌های یک پرونده خوب</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_pages.py" line="244"/>
        <source>Choose the file to import</source>
        <translation>پرونده‌ای را که می‌خواهید وارد شود انتخاب کنید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_pages.py" line="245"/>
        <source>Spreadsheets and CSV files ({patterns})</source>
        <translation>صفحه‌گسترده‌ها و پرونده‌های CSV ({patterns})</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_pages.py" line="246"/>
        <source>All files (*)</source>
        <translation>همه پرونده‌ها (*)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_pages.py" line="256"/>
        <source>Reading {file}…</source>
        <translation>در حال خواندن {file}…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_pages.py" line="276"/>
        <source>Reading {file}: {rows} rows…</source>
        <translation>در حال خواندن {file}: {rows} ردیف…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_pages.py" line="289"/>
        <source>File: {file}</source>
        <translation>پرونده: {file}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_pages.py" line="299"/>
        <source>{file}: {rows} rows, the header on row {header}.</source>
        <translation>{file}: {rows} ردیف، سطر عنوان در ردیف {header}.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_pages.py" line="301"/>
        <source>{file}, sheet {sheet}: {rows} rows, the header on row {header}.</source>
        <translation>{file}، برگه {sheet}: {rows} ردیف، سطر عنوان در ردیف {header}.</translation>
    </message>
</context>
<context>
    <name>FilterButton</name>
    <message>
        <location filename="../crm_desktop/ui/widgets/filter_button.py" line="164"/>
        <source>{name}: {value}</source>
        <translation>{name}: {value}</translation>
    </message>
</context>
<context>
    <name>FilterChip</name>
    <message>
        <location filename="../crm_desktop/ui/widgets/filter_chip.py" line="30"/>
        <source>Show everything again</source>
        <translation>دوباره همه را نشان بده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/filter_chip.py" line="31"/>
        <source>Remove this filter</source>
        <translation>برداشتن این فیلتر</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/first_run_dialog.py" line="33"/>
        <source>Set up the new database</source>
        <translation>راه‌اندازی پایگاه داده تازه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/first_run_dialog.py" line="35"/>
        <source>Welcome! Who will use this database?</source>
        <translation>خوش آمدید! چه کسانی با این پایگاه داده کار می‌کنند؟</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/first_run_dialog.py" line="41"/>
        <source>Several people: each signs in with a username and password</source>
        <translation>چند نفر: هر کس با نام کاربری و گذرواژهٔ خود وارد می‌شود</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/first_run_dialog.py" line="44"/>
        <source>Only me: single-user mode, no login</source>
        <translation>فقط خودم: حالت تک‌کاربره، بدون ورود</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/first_run_dialog.py" line="50"/>
        <source>You can turn single-user mode off later in Settings, Users and roles.</source>
        <translation>حالت تک‌کاربره را بعداً می‌توانید در تنظیمات، بخش کاربران و نقش‌ها، خاموش کنید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/first_run_dialog.py" line="58"/>
        <source>The administrator manages users and may do everything:</source>
        <translation>مدیر سیستم کاربران را مدیریت می‌کند و به همه‌چیز دسترسی دارد:</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/first_run_dialog.py" line="68"/>
        <source>Your name</source>
        <translation>نام شما</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/first_run_dialog.py" line="69"/>
        <source>Username</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/first_run_dialog.py" line="70"/>
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/first_run_dialog.py" line="71"/>
        <source>Password again</source>
        <translation>تکرار گذرواژه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/first_run_dialog.py" line="85"/>
        <source>Start</source>
        <translation>شروع</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/first_run_dialog.py" line="87"/>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/first_run_dialog.py" line="90"/>
        <source>Connect to a server instead…</source>
        <extracomment>&quot;Connect to a server instead&quot;: the office&apos;s database is on a server</extracomment>
        <translation>به‌جای آن به سرور وصل شوید…</translation>
    </message>
</context>
<context>
    <name>GlobalSearch</name>
    <message>
        <location filename="../crm_desktop/ui/widgets/global_search.py" line="25"/>
        <source>Search contacts, companies, deals and tickets (Ctrl+K)</source>
        <translation>جستجو در مخاطبان، شرکت‌ها، معامله‌ها و تیکت‌ها (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/global_search.py" line="52"/>
        <source>Contacts</source>
        <translation>مخاطبان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/global_search.py" line="52"/>
        <source>Companies</source>
        <translation>شرکت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/global_search.py" line="53"/>
        <source>Deals</source>
        <translation>معامله‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/global_search.py" line="53"/>
        <source>Tickets</source>
        <translation>تیکت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/global_search.py" line="92"/>
        <source>Nothing found. Try fewer letters or another spelling.</source>
        <translation>چیزی پیدا نشد. حروف کمتری بنویسید یا املای دیگری را امتحان کنید.</translation>
    </message>
</context>
<context>
    <name>ImportUndo</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_undo.py" line="33"/>
        <source>companies</source>
        <translation>شرکت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_undo.py" line="35"/>
        <source>products</source>
        <translation>کالاها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_undo.py" line="37"/>
        <source>contacts</source>
        <translation>مخاطبان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_undo.py" line="38"/>
        <source>{file}, imported {date}
New {kind}: {created}, updated: {updated}</source>
        <translation>{file}، وارد‌شده در {date}
{kind} تازه: {created}، به‌روزشده: {updated}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_undo.py" line="50"/>
        <location filename="../crm_desktop/ui/dialogs/import_undo.py" line="62"/>
        <source>Undo last import</source>
        <translation>برگرداندن آخرین ورود اطلاعات</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_undo.py" line="58"/>
        <source>The records it created are removed and the fields it updated get their earlier values back.</source>
        <translation>رکوردهایی که ساخته حذف می‌شوند و فیلدهایی که به‌روز کرده مقدار پیشین خود را پس می‌گیرند.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_undo.py" line="60"/>
        <source>Undo this import?</source>
        <translation>این ورود اطلاعات برگردانده شود؟</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_undo.py" line="66"/>
        <source>Undo the import</source>
        <translation>برگرداندن ورود اطلاعات</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_undo.py" line="67"/>
        <source>Keep it</source>
        <translation>نگه داشتن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_undo.py" line="76"/>
        <source>There is no import to undo.</source>
        <translation>ورود اطلاعاتی برای برگرداندن نیست.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_undo.py" line="83"/>
        <source>The import was undone.</source>
        <translation>ورود اطلاعات برگردانده شد.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_pages.py" line="55"/>
        <source>Contacts</source>
        <translation>مخاطبان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_pages.py" line="56"/>
        <source>Companies</source>
        <translation>شرکت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_pages.py" line="57"/>
        <source>Products and services</source>
        <translation>کالاها و خدمات</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_wizard.py" line="101"/>
        <source>Import from Excel</source>
        <translation>ورود اطلاعات از اکسل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_wizard.py" line="133"/>
        <location filename="../crm_desktop/ui/dialogs/import_wizard.py" line="216"/>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_wizard.py" line="137"/>
        <source>Back</source>
        <translation>بازگشت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_wizard.py" line="142"/>
        <location filename="../crm_desktop/ui/dialogs/import_wizard.py" line="218"/>
        <source>Next</source>
        <translation>بعدی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_wizard.py" line="216"/>
        <source>Cancel the import</source>
        <translation>لغو ورود اطلاعات</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_wizard.py" line="221"/>
        <source>Check the rows</source>
        <translation>بررسی ردیف‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_wizard.py" line="226"/>
        <source>Import {n} rows</source>
        <translation>ورود {n} ردیف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_wizard.py" line="230"/>
        <source>No row would be imported: change the choice for duplicates, or fix the file.</source>
        <translation>هیچ ردیفی وارد نمی‌شود: انتخاب موارد تکراری را تغییر دهید یا پرونده را اصلاح کنید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_wizard.py" line="233"/>
        <source>Done</source>
        <translation>پایان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_wizard.py" line="245"/>
        <source>The check was cancelled.</source>
        <translation>بررسی لغو شد.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_wizard.py" line="252"/>
        <source>The import was cancelled: nothing was written.</source>
        <translation>ورود اطلاعات لغو شد: چیزی نوشته نشد.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/import_mapping_model.py" line="78"/>
        <source>Column {n} (no title)</source>
        <translation>ستون {n} (بدون عنوان)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/import_preview_model.py" line="45"/>
        <source>Skip it</source>
        <translation>نادیده گرفته شود</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/import_preview_model.py" line="46"/>
        <source>Fill the empty fields</source>
        <translation>فیلدهای خالی پر شود</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/import_preview_model.py" line="47"/>
        <source>Overwrite the fields</source>
        <translation>فیلدها بازنویسی شود</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/import_preview_model.py" line="48"/>
        <source>Create a new record anyway</source>
        <translation>با این حال رکورد تازه ساخته شود</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/import_preview_model.py" line="67"/>
        <source>Record {id}</source>
        <translation>رکورد {id}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/import_preview_model.py" line="68"/>
        <source>Row {row} of this file</source>
        <translation>ردیف {row} همین پرونده</translation>
    </message>
</context>
<context>
    <name>JalaliDateEdit</name>
    <message>
        <location filename="../crm_desktop/ui/widgets/jalali_date_edit.py" line="238"/>
        <source>e.g. 1405/09/01</source>
        <translation>مثلاً ۱۴۰۵/۰۹/۰۱</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/jalali_date_edit.py" line="239"/>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/jalali_date_edit.py" line="240"/>
        <source>Choose the date from a calendar (Alt+Down)</source>
        <translation>انتخاب تاریخ از تقویم (Alt+Down)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/jalali_date_edit.py" line="241"/>
        <source>Open calendar</source>
        <translation>باز کردن تقویم</translation>
    </message>
</context>
<context>
    <name>KpiCard</name>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard_cards.py" line="36"/>
        <source>{n} h</source>
        <extracomment>the narrowest a card is laid out (the grid fits as many as the width holds)</extracomment>
        <translation>{n} ساعت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard_cards.py" line="39"/>
        <source>{n} of 5</source>
        <translation>{n} از ۵</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard_cards.py" line="59"/>
        <source>{n} pts</source>
        <translation>{n} واحد درصد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard_cards.py" line="128"/>
        <source>No change</source>
        <translation>بدون تغییر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard_cards.py" line="130"/>
        <source>Nothing to compare</source>
        <translation>چیزی برای مقایسه نیست</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard_cards.py" line="139"/>
        <source>{period}: {value}</source>
        <translation>{period}: {value}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard_cards.py" line="142"/>
        <source>No value for this period</source>
        <translation>برای این بازه مقداری نیست</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/dashboard_cards.py" line="219"/>
        <source>Open the records behind this figure</source>
        <translation>باز کردن رکوردهای پشت این عدد</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="26"/>
        <source>Lead</source>
        <translation>سرنخ</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="27"/>
        <source>Prospect</source>
        <translation>مشتری بالقوه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="28"/>
        <source>Customer</source>
        <translation>مشتری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="29"/>
        <source>Loyal customer</source>
        <translation>مشتری وفادار</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="30"/>
        <source>Lost customer</source>
        <translation>مشتری ازدست‌رفته</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="36"/>
        <source>Not specified</source>
        <translation>نامشخص</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="37"/>
        <source>Female</source>
        <translation>زن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="38"/>
        <source>Male</source>
        <translation>مرد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="44"/>
        <source>Walked in</source>
        <translation>مراجعه حضوری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="45"/>
        <source>Referral</source>
        <translation>معرفی دیگران</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="46"/>
        <source>Phone call</source>
        <translation>تماس تلفنی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="47"/>
        <source>Website</source>
        <translation>وب‌سایت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="48"/>
        <source>Instagram</source>
        <translation>اینستاگرام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="49"/>
        <source>Other social media</source>
        <translation>سایر شبکه‌های اجتماعی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="50"/>
        <source>Exhibition</source>
        <translation>نمایشگاه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="51"/>
        <source>Campaign</source>
        <translation>کمپین</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="52"/>
        <location filename="../crm_desktop/ui/labels.py" line="133"/>
        <source>Other</source>
        <translation>سایر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="58"/>
        <source>Call</source>
        <translation>تماس</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="59"/>
        <source>Meeting</source>
        <translation>جلسه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="60"/>
        <source>Task</source>
        <translation>وظیفه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="86"/>
        <source>Promising</source>
        <translation>امیدوارکننده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="87"/>
        <source>Need attention</source>
        <translation>نیازمند توجه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="88"/>
        <source>About to sleep</source>
        <translation>در آستانه خواب</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="92"/>
        <source>Lost</source>
        <translation>از دست رفته</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="93"/>
        <source>No purchase</source>
        <translation>بدون خرید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="130"/>
        <source>Social</source>
        <translation>شبکهٔ اجتماعی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="131"/>
        <source>Event</source>
        <translation>رویداد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="132"/>
        <source>Print</source>
        <translation>تبلیغ چاپی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="139"/>
        <source>Planned</source>
        <translation>برنامه‌ریزی‌شده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="140"/>
        <source>Running</source>
        <translation>در حال اجرا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="141"/>
        <source>Completed</source>
        <translation>پایان‌یافته</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="142"/>
        <source>Cancelled</source>
        <translation>لغوشده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="148"/>
        <source>Targeted</source>
        <translation>هدف‌گیری‌شده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="150"/>
        <source>Delivered</source>
        <translation>تحویل‌شده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="151"/>
        <source>Failed</source>
        <translation>ناموفق</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="152"/>
        <source>Responded</source>
        <translation>پاسخ داده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="153"/>
        <source>Converted</source>
        <translation>مشتری شده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="154"/>
        <source>Opted out</source>
        <translation>انصراف داده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="81"/>
        <source>Champions</source>
        <translation>قهرمانان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="82"/>
        <source>Loyal</source>
        <translation>وفادار</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="83"/>
        <source>Potential loyalists</source>
        <translation>وفاداران بالقوه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="85"/>
        <source>New customers</source>
        <translation>مشتریان تازه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="89"/>
        <source>At risk</source>
        <translation>در خطر ریزش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="90"/>
        <source>Can&apos;t lose them</source>
        <translation>نباید از دست بروند</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="91"/>
        <source>Hibernating</source>
        <translation>خفته</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/ticket_dialog.py" line="44"/>
        <location filename="../crm_desktop/ui/labels.py" line="129"/>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/ticket_dialog.py" line="45"/>
        <source>In person</source>
        <translation>حضوری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/ticket_dialog.py" line="46"/>
        <location filename="../crm_desktop/ui/labels.py" line="61"/>
        <location filename="../crm_desktop/ui/labels.py" line="128"/>
        <source>E-mail</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/ticket_dialog.py" line="47"/>
        <location filename="../crm_desktop/ui/labels.py" line="62"/>
        <location filename="../crm_desktop/ui/labels.py" line="127"/>
        <source>SMS</source>
        <translation>پیامک</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/ticket_dialog.py" line="48"/>
        <source>Social media</source>
        <translation>شبکه‌های اجتماعی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="63"/>
        <source>Letter</source>
        <translation>نامه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="64"/>
        <source>Note</source>
        <translation>یادداشت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="70"/>
        <source>Draft</source>
        <translation>پیش‌نویس</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="71"/>
        <location filename="../crm_desktop/ui/labels.py" line="149"/>
        <source>Sent</source>
        <translation>ارسال‌شده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="72"/>
        <source>Accepted</source>
        <translation>پذیرفته‌شده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="73"/>
        <source>Rejected</source>
        <translation>ردشده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="74"/>
        <source>Expired</source>
        <translation>منقضی‌شده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="99"/>
        <source>New</source>
        <translation>جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="100"/>
        <source>Open</source>
        <translation>باز</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="101"/>
        <source>Waiting for customer</source>
        <translation>در انتظار مشتری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="102"/>
        <source>Resolved</source>
        <translation>حل‌شده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="103"/>
        <source>Closed</source>
        <translation>بسته‌شده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="109"/>
        <source>Complaint</source>
        <translation>شکایت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="110"/>
        <source>Request</source>
        <translation>درخواست</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="111"/>
        <source>Question</source>
        <translation>پرسش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="112"/>
        <source>Technical</source>
        <translation>فنی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="118"/>
        <source>Low</source>
        <translation>پایین</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="119"/>
        <source>Normal</source>
        <translation>عادی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="120"/>
        <source>High</source>
        <translation>بالا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/labels.py" line="121"/>
        <source>Urgent</source>
        <translation>فوری</translation>
    </message>
</context>
<context>
    <name>ListFilterDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="229"/>
        <source>New dynamic list</source>
        <translation>فهرست پویای تازه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="230"/>
        <source>Edit dynamic list</source>
        <translation>ویرایش فهرست پویا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="240"/>
        <source>any of them</source>
        <translation>هر کدام از آن‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="241"/>
        <source>all of them</source>
        <translation>همهٔ آن‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="279"/>
        <source>Who they are</source>
        <translation>چه کسانی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="281"/>
        <source>Lifecycle stage</source>
        <translation>مرحله مشتری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="282"/>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="283"/>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="283"/>
        <source>matching</source>
        <translation>دارای</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="284"/>
        <source>Source</source>
        <translation>منبع</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="285"/>
        <source>Gender</source>
        <translation>جنسیت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="286"/>
        <source>Birthday month</source>
        <translation>ماه تولد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="287"/>
        <source>Owner</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="288"/>
        <source>SMS consent</source>
        <translation>رضایت پیامک</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="289"/>
        <source>E-mail consent</source>
        <translation>رضایت ایمیل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="290"/>
        <source>History</source>
        <translation>سوابق</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="292"/>
        <source>Created</source>
        <translation>تاریخ ثبت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="292"/>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="295"/>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="297"/>
        <source>to</source>
        <translation>تا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="293"/>
        <source>Last activity on or after</source>
        <translation>آخرین فعالیت از</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="294"/>
        <source>No activity since</source>
        <translation>بدون فعالیت از</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="295"/>
        <source>Won deals</source>
        <translation>معامله‌های موفق</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="296"/>
        <source>Total of won deals</source>
        <translation>جمع معامله‌های موفق</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="298"/>
        <source>RFM segment</source>
        <translation>بخش RFM</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="309"/>
        <source>First members</source>
        <translation>چند عضو نخست</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="314"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="315"/>
        <source>Description</source>
        <translation>شرح</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="360"/>
        <source>Either</source>
        <translation>فرقی نمی‌کند</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="361"/>
        <source>Yes</source>
        <translation>بله</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="362"/>
        <source>No</source>
        <translation>خیر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="433"/>
        <source>The filter is not complete</source>
        <translation>شرط فهرست کامل نیست</translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="440"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n مخاطب</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/screenshots.py" line="391"/>
        <source>Customers in {city} who take SMS</source>
        <translation>مشتریان {city} با رضایت پیامک</translation>
    </message>
</context>
<context>
    <name>ListsPage</name>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="61"/>
        <source>Dynamic (filter)</source>
        <translation>پویا (با شرط)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="59"/>
        <source>Static</source>
        <extracomment>the width of the lists beside the members (name, kind, count) the member columns (contact_columns): all of them fit beside the lists at 1366x768</extracomment>
        <translation>ثابت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="60"/>
        <source>Dynamic</source>
        <translation>پویا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="66"/>
        <source>The filter cannot be read.</source>
        <extracomment>the words of a filter&apos;s summary (translated when shown)</extracomment>
        <translation>شرط این فهرست خوانده نمی‌شود.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="67"/>
        <source>Every contact</source>
        <translation>همه مخاطبان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="68"/>
        <source>Stage</source>
        <translation>مرحله</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="69"/>
        <source>Source</source>
        <translation>منبع</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="70"/>
        <source>Gender</source>
        <translation>جنسیت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="71"/>
        <source>RFM segment</source>
        <translation>بخش RFM</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="72"/>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="73"/>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="74"/>
        <source>all of</source>
        <translation>همه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="75"/>
        <source>any of</source>
        <translation>هر کدام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="76"/>
        <source>Birthday month</source>
        <translation>ماه تولد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="77"/>
        <source>Created from</source>
        <translation>ثبت‌شده از</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="78"/>
        <source>Created until</source>
        <translation>ثبت‌شده تا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="79"/>
        <source>Last activity on or after</source>
        <translation>آخرین فعالیت از</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="80"/>
        <source>No activity since</source>
        <translation>بدون فعالیت از</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="81"/>
        <source>Won deals, at least</source>
        <translation>معامله‌های موفق، دست‌کم</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="82"/>
        <source>Won deals, at most</source>
        <translation>معامله‌های موفق، حداکثر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="83"/>
        <source>Total of won deals, at least</source>
        <translation>جمع معامله‌های موفق، دست‌کم</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="84"/>
        <source>Total of won deals, at most</source>
        <translation>جمع معامله‌های موفق، حداکثر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="85"/>
        <source>SMS consent</source>
        <translation>رضایت پیامک</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="86"/>
        <source>E-mail consent</source>
        <translation>رضایت ایمیل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="87"/>
        <source>yes</source>
        <translation>دارد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="88"/>
        <source>no</source>
        <translation>ندارد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="89"/>
        <source>Owner</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="150"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="151"/>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="152"/>
        <source>Members</source>
        <translation>اعضا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="167"/>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="189"/>
        <source>New list</source>
        <translation>فهرست تازه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="169"/>
        <source>New dynamic list</source>
        <translation>فهرست پویای تازه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="171"/>
        <source>Edit</source>
        <translation>ویرایش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="173"/>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="188"/>
        <source>No lists yet: make a list of contacts to reach.</source>
        <translation>هنوز فهرستی نیست: فهرستی از مخاطبانی که می‌خواهید با آن‌ها تماس بگیرید بسازید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="204"/>
        <source>Remove selected members</source>
        <translation>برداشتن اعضای انتخاب‌شده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="292"/>
        <source>Choose a list to see its members.</source>
        <translation>یک فهرست انتخاب کنید تا اعضای آن را ببینید.</translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="312"/>
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n عضو</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="365"/>
        <source>Delete list</source>
        <translation>حذف فهرست</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/marketing_lists.py" line="366"/>
        <source>Delete the list {name}? The contacts stay; only the list goes.</source>
        <translation>فهرست {name} حذف شود؟ مخاطبان می‌مانند؛ فقط فهرست حذف می‌شود.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/login_dialog.py" line="51"/>
        <location filename="../crm_desktop/ui/dialogs/login_dialog.py" line="75"/>
        <source>Sign in</source>
        <translation>ورود</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/login_dialog.py" line="53"/>
        <source>Sign in to {database}</source>
        <translation>ورود به {database}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/login_dialog.py" line="69"/>
        <source>Username</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/login_dialog.py" line="70"/>
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/login_dialog.py" line="77"/>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/login_dialog.py" line="126"/>
        <source>You can try again now.</source>
        <translation>اکنون می‌توانید دوباره امتحان کنید.</translation>
    </message>
</context>
<context>
    <name>LostReasonDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_dialog.py" line="185"/>
        <source>Deal lost</source>
        <translation>معامله از دست رفت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_dialog.py" line="189"/>
        <source>Price too high</source>
        <translation>قیمت بالا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_dialog.py" line="189"/>
        <source>Chose a competitor</source>
        <translation>رقیب را انتخاب کرد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_dialog.py" line="190"/>
        <source>No budget</source>
        <translation>بودجه ندارد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_dialog.py" line="190"/>
        <source>Changed their mind</source>
        <translation>منصرف شد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_dialog.py" line="190"/>
        <source>No answer</source>
        <translation>پاسخ نداد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_dialog.py" line="195"/>
        <source>Or write the reason</source>
        <translation>یا دلیل را بنویسید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_dialog.py" line="199"/>
        <source>Mark as lost</source>
        <translation>ثبت به‌عنوان ناموفق</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_dialog.py" line="200"/>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/deal_dialog.py" line="204"/>
        <source>Why was this deal lost?</source>
        <translation>چرا این معامله از دست رفت؟</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="84"/>
        <location filename="../crm_desktop/ui/main_window.py" line="417"/>
        <source>crm-desktop</source>
        <extracomment>sections shown only to a role with one of these permissions the user chose a database file to open (or create): Path the user chose a backup to restore over this database, and confirmed: Path (and the passphrase of an encrypted one, else None) the window is closing, before the database is: the exit backup runs then File &gt; Connect to a server…: the controller asks for the server and opens it</extracomment>
        <translation>crm-desktop</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="112"/>
        <source>Search</source>
        <translation>جستجو</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="132"/>
        <location filename="../crm_desktop/ui/screenshots.py" line="139"/>
        <source>Database:</source>
        <extracomment>the smallest screen the program is made for: every image is rendered on it</extracomment>
        <translation>پایگاه داده:</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="148"/>
        <source>Dashboard</source>
        <translation>پیشخوان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="149"/>
        <source>Contacts</source>
        <translation>مخاطبان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="150"/>
        <source>Companies</source>
        <translation>شرکت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="151"/>
        <source>Pipeline</source>
        <translation>قیف فروش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="152"/>
        <source>Activities</source>
        <translation>فعالیت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="153"/>
        <source>Campaigns</source>
        <translation>کمپین‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="154"/>
        <source>Tickets</source>
        <translation>تیکت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="155"/>
        <source>Products</source>
        <translation>کالاها و خدمات</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="157"/>
        <source>Reports</source>
        <translation>گزارش‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="158"/>
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="215"/>
        <source>&amp;File</source>
        <translation>پرونده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="216"/>
        <source>New database…</source>
        <translation>پایگاه داده جدید…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="218"/>
        <source>Open database…</source>
        <translation>باز کردن پایگاه داده…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="220"/>
        <source>Connect to a server…</source>
        <translation>اتصال به سرور…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="223"/>
        <source>Import from Excel…</source>
        <translation>ورود اطلاعات از اکسل…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="225"/>
        <source>Undo last import…</source>
        <translation>برگرداندن آخرین ورود اطلاعات…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="232"/>
        <source>Back up…</source>
        <translation>پشتیبان‌گیری…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="233"/>
        <source>Restore from a backup…</source>
        <translation>بازگردانی از پشتیبان…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="237"/>
        <source>Change my password…</source>
        <translation>تغییر گذرواژهٔ من…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="240"/>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="242"/>
        <source>&amp;Edit</source>
        <translation>ویرایش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="243"/>
        <source>New record</source>
        <translation>مورد جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="245"/>
        <source>Find in this list</source>
        <translation>جستجو در این فهرست</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="247"/>
        <source>Search everything</source>
        <translation>جستجو در همه‌جا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="250"/>
        <source>Find duplicates…</source>
        <translation>یافتن موارد تکراری…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="253"/>
        <source>Trash…</source>
        <translation>سطل بازیافت…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="254"/>
        <source>&amp;View</source>
        <translation>نمایش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="259"/>
        <source>&amp;Help</source>
        <translation>راهنما</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="260"/>
        <location filename="../crm_desktop/ui/main_window.py" line="414"/>
        <source>About crm-desktop</source>
        <translation>درباره crm-desktop</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="280"/>
        <source>crm-desktop databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>پایگاه‌های داده crm-desktop (*.sqlite3 *.db);;همه پرونده‌ها (*)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="288"/>
        <source>Backups (*.sqlite3 *.db *.crmbak);;All files (*)</source>
        <translation>پشتیبان‌ها (*.sqlite3 *.db *.crmbak);;همهٔ فایل‌ها (*)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="291"/>
        <source>New database</source>
        <translation>پایگاه داده جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="297"/>
        <source>A file with this name already exists. Choose another name or use Open database.</source>
        <translation>پرونده‌ای با این نام از قبل وجود دارد. نام دیگری انتخاب کنید یا از «باز کردن پایگاه داده» استفاده کنید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="303"/>
        <source>Open database</source>
        <translation>باز کردن پایگاه داده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="313"/>
        <source>Back up the database</source>
        <translation>پشتیبان‌گیری از پایگاه داده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="333"/>
        <source>The backup was written and checked:</source>
        <translation>پشتیبان نوشته و بررسی شد:</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="335"/>
        <location filename="../crm_desktop/ui/main_window.py" line="338"/>
        <source>Backup</source>
        <translation>پشتیبان‌گیری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="337"/>
        <source>The backup failed its check and was deleted:</source>
        <translation>پشتیبان در بررسی رد شد و پاک شد:</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="347"/>
        <source>A database on a server is restored by its administrator, while no desk is working on it, with PostgreSQL&apos;s own tool (pg_restore). Its backups are in:</source>
        <translation>پایگاه دادهٔ روی سرور را مدیر آن، وقتی هیچ میزی روی آن کار نمی‌کند، با ابزار خود PostgreSQL ‏(pg_restore) بازیابی می‌کند. پشتیبان‌های آن در این پوشه است:</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="351"/>
        <location filename="../crm_desktop/ui/main_window.py" line="353"/>
        <source>Restore from a backup</source>
        <translation>بازگردانی از پشتیبان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="367"/>
        <source>Restore</source>
        <translation>بازگردانی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="367"/>
        <source>The backup was restored.</source>
        <translation>پشتیبان بازگردانی شد.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="393"/>
        <source>Your password was changed.</source>
        <translation>گذرواژهٔ شما تغییر کرد.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="408"/>
        <source>crm-desktop {version}
An offline customer relationship manager for small businesses.
Font: Vazirmatn, SIL Open Font License 1.1.</source>
        <translation>crm-desktop {version}
نرم‌افزار آفلاین مدیریت ارتباط با مشتری برای کسب‌وکارهای کوچک.
قلم: وزیرمتن (Vazirmatn)، با مجوز SIL Open Font License 1.1.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="439"/>
        <source>Backup folder missing or read-only</source>
        <translation>پوشهٔ پشتیبان پیدا نیست یا فقط‌خواندنی است</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="440"/>
        <source>No backup yet</source>
        <translation>هنوز پشتیبانی گرفته نشده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="441"/>
        <source>Last backup {days} days ago</source>
        <translation>آخرین پشتیبان {days} روز پیش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="447"/>
        <source>Backups go to: {folder}</source>
        <translation>پشتیبان‌ها در این پوشه ذخیره می‌شوند: {folder}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="449"/>
        <source>Click to open the backup settings.</source>
        <translation>برای باز کردن تنظیمات پشتیبان‌گیری کلیک کنید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="460"/>
        <source>Contacts: {n}</source>
        <translation>مخاطبان: {n}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/main_window.py" line="461"/>
        <source>Companies: {n}</source>
        <translation>شرکت‌ها: {n}</translation>
    </message>
</context>
<context>
    <name>MappingModel</name>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/import_mapping_model.py" line="154"/>
        <source>Column in your file</source>
        <translation>ستون پرونده شما</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/import_mapping_model.py" line="154"/>
        <source>Values in it</source>
        <translation>نمونه مقدارها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/import_mapping_model.py" line="154"/>
        <source>Import as</source>
        <translation>وارد شود به‌عنوان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/import_mapping_model.py" line="174"/>
        <location filename="../crm_desktop/ui/qtmodels/import_mapping_model.py" line="178"/>
        <source>Don&apos;t import</source>
        <translation>وارد نشود</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/import_mapping_model.py" line="186"/>
        <source>This field is chosen for another column too: keep it for one.</source>
        <translation>این فیلد برای ستون دیگری هم انتخاب شده است: آن را فقط برای یکی نگه دارید.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/dialogs/merge_dialog.py" line="72"/>
        <location filename="../crm_desktop/ui/dialogs/merge_dialog.py" line="243"/>
        <source>Merge %Ln record(s)</source>
        <extracomment>the fields shown, per kind, in the editors&apos; order the width a value is elided to (its full text is the radio button&apos;s tooltip)</extracomment>
        <translation>
            <numerusform>ادغام %Ln مورد</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/merge_dialog.py" line="93"/>
        <source>Added {day}</source>
        <translation>ثبت‌شده در {day}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/merge_dialog.py" line="98"/>
        <source>Keep this record</source>
        <translation>این مورد بماند</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/merge_dialog.py" line="135"/>
        <source>Every field has the same value in these records.</source>
        <translation>همه‌ی فیلدها در این موردها یکسان است.</translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/dialogs/merge_dialog.py" line="138"/>
        <source>%Ln field(s) with the same value in every record are not shown.</source>
        <translation>
            <numerusform>%Ln فیلد که در همه‌ی موردها یکسان است نشان داده نمی‌شود.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/merge_dialog.py" line="145"/>
        <source>Merge</source>
        <translation>ادغام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/merge_dialog.py" line="150"/>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/merge_dialog.py" line="174"/>
        <source>Yes</source>
        <translation>بله</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/merge_dialog.py" line="174"/>
        <source>No</source>
        <translation>خیر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/merge_dialog.py" line="238"/>
        <source>The other records go to the Trash with a note naming {name}.</source>
        <translation>موردهای دیگر با یادداشتی که به {name} اشاره می‌کند به سطل بازیافت می‌روند.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/merge_dialog.py" line="240"/>
        <source>Moving to {name}: {items}.</source>
        <translation>به {name} منتقل می‌شود: {items}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/dialogs/merge_dialog.py" line="247"/>
        <source>%Ln deal(s)</source>
        <translation>
            <numerusform>%Ln معامله</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/dialogs/merge_dialog.py" line="248"/>
        <source>%Ln proforma(s)</source>
        <translation>
            <numerusform>%Ln پیش‌فاکتور</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/dialogs/merge_dialog.py" line="249"/>
        <source>%Ln ticket(s)</source>
        <translation>
            <numerusform>%Ln تیکت</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/dialogs/merge_dialog.py" line="250"/>
        <source>%Ln activity(ies)</source>
        <translation>
            <numerusform>%Ln فعالیت</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/dialogs/merge_dialog.py" line="251"/>
        <source>%Ln message(s)</source>
        <translation>
            <numerusform>%Ln پیام</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/dialogs/merge_dialog.py" line="252"/>
        <source>%Ln list membership(s)</source>
        <translation>
            <numerusform>عضویت در %Ln فهرست</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/dialogs/merge_dialog.py" line="253"/>
        <source>%Ln campaign membership(s)</source>
        <translation>
            <numerusform>عضویت در %Ln کمپین</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/dialogs/merge_dialog.py" line="254"/>
        <source>%Ln tag(s)</source>
        <translation>
            <numerusform>%Ln برچسب</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/dialogs/merge_dialog.py" line="255"/>
        <source>%Ln contact(s)</source>
        <translation>
            <numerusform>%Ln مخاطب</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageComposer</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="41"/>
        <source>First name</source>
        <extracomment>members offered for the preview (the first ones of the campaign)</extracomment>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="42"/>
        <source>Last name</source>
        <translation>نام خانوادگی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="43"/>
        <source>Full name</source>
        <translation>نام کامل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="44"/>
        <source>Company</source>
        <translation>شرکت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="45"/>
        <source>Job title</source>
        <translation>سمت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="46"/>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="47"/>
        <source>Mobile</source>
        <translation>موبایل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="48"/>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="76"/>
        <source>E-mail</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="54"/>
        <source>already queued or sent for this message</source>
        <translation>این پیام قبلاً برایشان در صف گذاشته یا فرستاده شده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="56"/>
        <source>opted out</source>
        <translation>انصراف داده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="57"/>
        <source>contact deleted</source>
        <translation>مخاطب حذف‌شده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="58"/>
        <source>no consent for this channel</source>
        <translation>بدون رضایت برای این راه ارتباطی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="59"/>
        <source>no valid mobile or e-mail</source>
        <translation>بدون موبایل یا ایمیل معتبر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="70"/>
        <source>Write a message</source>
        <translation>نوشتن پیام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="75"/>
        <source>SMS</source>
        <translation>پیامک</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="81"/>
        <source>Hello {first_name}, ...</source>
        <translation>سلام {first_name}، ...</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="84"/>
        <source>Insert field</source>
        <translation>درج فیلد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="117"/>
        <source>Check the recipients to see who is left out and why.</source>
        <translation>گیرندگان را بررسی کنید تا ببینید چه کسانی و چرا کنار گذاشته می‌شوند.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="120"/>
        <source>Check recipients</source>
        <translation>بررسی گیرندگان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="124"/>
        <source>Queue and send</source>
        <translation>در صف گذاشتن و ارسال</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="131"/>
        <source>Stop sending</source>
        <translation>توقف ارسال</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="135"/>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="139"/>
        <source>Channel</source>
        <translation>راه ارتباطی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="140"/>
        <source>Subject</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="147"/>
        <source>Preview for</source>
        <translation>پیش‌نمایش برای</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="221"/>
        <source>{chars} characters, {parts} SMS ({left} left in this part)</source>
        <translation>{chars} نویسه، {parts} پیامک ({left} نویسه تا پایان این بخش)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="241"/>
        <source>{n} of {total} members will get this message.</source>
        <translation>{n} نفر از {total} عضو این پیام را دریافت می‌کنند.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="248"/>
        <source>Left out: {reasons}</source>
        <translation>کنار گذاشته‌شده: {reasons}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="262"/>
        <source>{n} messages queued.</source>
        <translation>{n} پیام در صف ارسال قرار گرفت.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="271"/>
        <source>They go out when a delivery is chosen in Settings (or, for SMS by file, from the Outbox page).</source>
        <translation>وقتی روش ارسال در تنظیمات انتخاب شود فرستاده می‌شوند (پیامک با پرونده، از صفحه صندوق خروجی).</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="278"/>
        <source>Sending stopped because of an error; nothing was sent twice. See the Outbox.</source>
        <translation>ارسال به سبب خطا متوقف شد؛ هیچ پیامی دو بار فرستاده نشد. صندوق خروجی را ببینید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/message_composer.py" line="282"/>
        <source>Sent {sent}, failed {failed}, to retry later {later}.</source>
        <translation>ارسال‌شده {sent}، ناموفق {failed}، برای تلاش دوباره {later}.</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <location filename="../crm_desktop/ui/widgets/money_edit.py" line="111"/>
        <source>Toman</source>
        <translation>تومان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/money_edit.py" line="112"/>
        <source>Rial</source>
        <translation>ریال</translation>
    </message>
</context>
<context>
    <name>MultiChoice</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="117"/>
        <source>Any</source>
        <extracomment>how long the editor waits after a change before counting (typing stays smooth)</extracomment>
        <translation>همه</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <location filename="../crm_desktop/ui/ops.py" line="100"/>
        <source>This record no longer exists; someone may have deleted it. The list will be refreshed.</source>
        <translation>این مورد دیگر وجود ندارد؛ شاید کسی آن را حذف کرده باشد. فهرست به‌روز می‌شود.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/ops.py" line="112"/>
        <source>The database refused this change:</source>
        <translation>پایگاه داده این تغییر را نپذیرفت:</translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="50"/>
        <source>Queued</source>
        <extracomment>the table&apos;s chips: status by the outbox&apos;s tones, channel as on the campaigns list starting widths of the columns (the problem column takes the rest)</extracomment>
        <translation>در صف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="51"/>
        <source>Sending</source>
        <translation>در حال ارسال</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="52"/>
        <source>Sent</source>
        <translation>ارسال‌شده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="53"/>
        <source>Failed</source>
        <translation>ناموفق</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="54"/>
        <source>Cancelled</source>
        <translation>لغو‌شده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="62"/>
        <source>Rule: {name}</source>
        <translation>قانون: {name}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="65"/>
        <source>A deleted automation rule</source>
        <translation>قانون خودکارسازیِ حذف‌شده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="71"/>
        <source>SMS</source>
        <translation>پیامک</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="72"/>
        <source>E-mail</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="76"/>
        <source>Recipient</source>
        <translation>گیرنده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="78"/>
        <source>Contact</source>
        <translation>مخاطب</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="79"/>
        <source>Campaign or rule</source>
        <translation>کمپین یا قانون</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="81"/>
        <source>Channel</source>
        <translation>راه ارتباطی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="83"/>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="85"/>
        <source>Attempts</source>
        <translation>دفعات تلاش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="87"/>
        <source>Problem</source>
        <translation>مشکل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="89"/>
        <source>Sent / queued</source>
        <translation>زمان ارسال / صف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="111"/>
        <source>All statuses</source>
        <extracomment>a main section to show (the campaigns view passes it on)</extracomment>
        <translation>همه وضعیت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="117"/>
        <source>Search number, address or name</source>
        <translation>جستجوی شماره، نشانی یا نام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="120"/>
        <source>Retry</source>
        <translation>تلاش دوباره</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="124"/>
        <source>Cancel sending</source>
        <translation>لغو ارسال</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="128"/>
        <source>Send now</source>
        <translation>ارسال اکنون</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="132"/>
        <source>Panel file…</source>
        <translation>پرونده سامانه پیامک…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="138"/>
        <source>Stop</source>
        <translation>توقف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="173"/>
        <source>Nothing in the outbox yet. When a campaign&apos;s SMS or e-mail is sent (on the campaign&apos;s page: Write a message…, then Queue and send), one message per recipient waits here until it goes out; failed ones can be retried here.</source>
        <translation>صندوق خروجی هنوز خالی است. وقتی پیامک یا ایمیل یک کمپین فرستاده می‌شود (در صفحهٔ کمپین: «نوشتن پیام…» و سپس «در صف گذاشتن و ارسال»)، برای هر گیرنده یک پیام تا زمان ارسال اینجا می‌ماند؛ پیام‌های ناموفق را می‌توانید از همین‌جا دوباره بفرستید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="177"/>
        <source>Go to the campaigns</source>
        <translation>رفتن به کمپین‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="211"/>
        <source>In the outbox: {n}</source>
        <translation>در صندوق خروجی: {n}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="215"/>
        <source>{status} {n}</source>
        <translation>{status} {n}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="282"/>
        <source>No delivery is set up. Choose one in Settings, under Sending; SMS by file go out with the Panel file button.</source>
        <translation>روش ارسالی تنظیم نشده است. در تنظیمات، بخش ارسال، یکی را انتخاب کنید؛ پیامک‌های ارسال با پرونده با دکمه «پرونده سامانه پیامک» فرستاده می‌شوند.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="294"/>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="305"/>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="308"/>
        <source>Panel file</source>
        <translation>پرونده سامانه پیامک</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="295"/>
        <source>Excel (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>اکسل (*.xlsx);;CSV با UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="306"/>
        <source>No SMS is waiting to be sent.</source>
        <translation>هیچ پیامکی در انتظار ارسال نیست.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/outbox_page.py" line="309"/>
        <source>{n} messages were written to the file. Upload it to your SMS panel, then say whether the upload worked.</source>
        <translation>{n} پیام در پرونده نوشته شد. آن را در سامانه پیامک بارگذاری کنید، سپس بگویید بارگذاری موفق بود یا نه.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/passphrase_dialog.py" line="25"/>
        <source>Backup passphrase</source>
        <translation>عبارت عبور پشتیبان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/passphrase_dialog.py" line="28"/>
        <source>Keep it in the system&apos;s keyring, so that automatic backups need nobody to type it</source>
        <translation>در جاکلیدی سیستم نگه‌داری شود تا پشتیبان‌های خودکار بی‌نیاز از تایپ آن باشند</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/passphrase_dialog.py" line="36"/>
        <source>Passphrase</source>
        <translation>عبارت عبور</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/passphrase_dialog.py" line="38"/>
        <source>Again</source>
        <translation>تکرار</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/passphrase_dialog.py" line="50"/>
        <source>This computer has no keyring: the passphrase is kept only until the program closes, and asked for again at the next start.</source>
        <translation>این رایانه جاکلیدی ندارد: عبارت عبور فقط تا بسته شدن برنامه نگه داشته می‌شود و در اجرای بعدی دوباره پرسیده می‌شود.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/passphrase_dialog.py" line="73"/>
        <source>Type a passphrase.</source>
        <translation>یک عبارت عبور بنویسید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/passphrase_dialog.py" line="76"/>
        <source>The two passphrases differ.</source>
        <translation>دو عبارت عبور یکسان نیستند.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/user_dialog.py" line="150"/>
        <source>Change my password</source>
        <translation>تغییر گذرواژهٔ من</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/user_dialog.py" line="151"/>
        <source>Current password</source>
        <translation>گذرواژهٔ کنونی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/user_dialog.py" line="153"/>
        <source>Reset the password of {name}</source>
        <translation>گذاشتن گذرواژهٔ تازه برای {name}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/user_dialog.py" line="155"/>
        <source>New password</source>
        <translation>گذرواژهٔ تازه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/user_dialog.py" line="156"/>
        <source>New password again</source>
        <translation>تکرار گذرواژهٔ تازه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/user_dialog.py" line="157"/>
        <source>Change</source>
        <translation>تغییر</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/pdf_preview.py" line="35"/>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/pdf_preview.py" line="36"/>
        <source>Print…</source>
        <translation>چاپ…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/pdf_preview.py" line="40"/>
        <source>Save as PDF…</source>
        <translation>ذخیره به‌صورت PDF…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/pdf_preview.py" line="68"/>
        <source>Save as PDF</source>
        <translation>ذخیره به‌صورت PDF</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../crm_desktop/ui/widgets/period_picker.py" line="216"/>
        <source>Choose days between the years 1300 and 1499.</source>
        <extracomment>the period changed: the new Period</extracomment>
        <translation>روزهایی بین سال‌های ۱۳۰۰ تا ۱۴۹۹ انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/period_picker.py" line="285"/>
        <source>This month</source>
        <translation>این ماه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/period_picker.py" line="286"/>
        <source>Last month</source>
        <translation>ماه گذشته</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/period_picker.py" line="287"/>
        <source>This quarter</source>
        <translation>این فصل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/period_picker.py" line="288"/>
        <source>This year</source>
        <translation>امسال</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/period_picker.py" line="290"/>
        <source>Custom range</source>
        <translation>بازهٔ دلخواه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/period_picker.py" line="291"/>
        <source>Month</source>
        <translation>ماه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/period_picker.py" line="292"/>
        <source>Quarter</source>
        <translation>فصل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/period_picker.py" line="293"/>
        <source>Year</source>
        <translation>سال</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/period_picker.py" line="299"/>
        <source>Custom range…</source>
        <translation>بازهٔ دلخواه…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/period_picker.py" line="301"/>
        <location filename="../crm_desktop/ui/widgets/period_picker.py" line="302"/>
        <source>The period before</source>
        <translation>بازهٔ قبل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/period_picker.py" line="303"/>
        <location filename="../crm_desktop/ui/widgets/period_picker.py" line="304"/>
        <source>The period after</source>
        <translation>بازهٔ بعد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/period_picker.py" line="305"/>
        <source>Choose the period</source>
        <translation>انتخاب بازه</translation>
    </message>
</context>
<context>
    <name>PhoneEdit</name>
    <message>
        <location filename="../crm_desktop/ui/widgets/phone_edit.py" line="95"/>
        <source>e.g. 0912 345 6789</source>
        <translation>مثلاً ⁦۰۹۱۲ ۳۴۵ ۶۷۸۹⁩</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/phone_edit.py" line="96"/>
        <source>Mobile</source>
        <translation>موبایل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/phone_edit.py" line="98"/>
        <source>e.g. 021 8877 6655</source>
        <translation>مثلاً ⁦۰۲۱ ۸۸۷۷ ۶۶۵۵⁩</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/phone_edit.py" line="99"/>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
</context>
<context>
    <name>PieChart</name>
    <message>
        <location filename="../crm_desktop/ui/widgets/charts.py" line="237"/>
        <source>The rest</source>
        <translation>بقیه</translation>
    </message>
</context>
<context>
    <name>PipelineView</name>
    <message>
        <location filename="../crm_desktop/ui/views/pipeline.py" line="85"/>
        <location filename="../crm_desktop/ui/views/pipeline.py" line="180"/>
        <source>New deal</source>
        <extracomment>what a dragged card carries: the deal id as ASCII digits</extracomment>
        <translation>معامله جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/pipeline.py" line="93"/>
        <source>All dates</source>
        <translation>همه تاریخ‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/pipeline.py" line="93"/>
        <source>This month</source>
        <translation>این ماه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/pipeline.py" line="94"/>
        <source>This quarter</source>
        <translation>این فصل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/pipeline.py" line="94"/>
        <source>This year</source>
        <translation>امسال</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/pipeline.py" line="98"/>
        <source>Search deals (Ctrl+F)</source>
        <translation>جستجوی معامله‌ها (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/pipeline.py" line="104"/>
        <source>List</source>
        <translation>فهرست</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/pipeline.py" line="107"/>
        <source>Show the deals as a list</source>
        <translation>نمایش معامله‌ها به‌صورت فهرست</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/pipeline.py" line="126"/>
        <source>Undo (Ctrl+Z)</source>
        <translation>واگرد (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/pipeline.py" line="179"/>
        <source>No deals yet: add the first one.</source>
        <translation>هنوز معامله‌ای ثبت نشده است: نخستین معامله را اضافه کنید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/pipeline.py" line="207"/>
        <source>All owners</source>
        <translation>همه مسئولان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/pipeline.py" line="281"/>
        <source>Forecast: {amount}</source>
        <translation>پیش‌بینی: {amount}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/pipeline.py" line="284"/>
        <source>Open deals expected to close in the chosen period, each counted at its stage&apos;s probability</source>
        <translation>معامله‌های بازی که قرار است در این دوره بسته شوند، هر کدام به نسبت احتمال مرحله‌اش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/pipeline.py" line="339"/>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/pipeline.py" line="340"/>
        <source>Person</source>
        <translation>مخاطب</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/pipeline.py" line="341"/>
        <source>Company</source>
        <translation>شرکت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/pipeline.py" line="342"/>
        <source>Stage</source>
        <translation>مرحله</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/pipeline.py" line="343"/>
        <source>Amount</source>
        <translation>مبلغ</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/pipeline.py" line="345"/>
        <source>Expected close</source>
        <translation>تاریخ پیش‌بینی بستن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/pipeline.py" line="347"/>
        <source>Owner</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/pipeline.py" line="367"/>
        <source>Deals</source>
        <translation>معامله‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/pipeline.py" line="421"/>
        <source>“{deal}” moved to {stage}.</source>
        <translation>«{deal}» به {stage} منتقل شد.</translation>
    </message>
</context>
<context>
    <name>PointsDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/club_points_dialog.py" line="43"/>
        <source>{points} points, worth {money}</source>
        <extracomment>the most points one entry adds or takes (a typo of a few zeros is refused here) the tables a change of points touches (views refresh on them)</extracomment>
        <translation>{points} امتیاز، به ارزش {money}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/club_points_dialog.py" line="64"/>
        <source>Adjust points</source>
        <translation>اصلاح امتیاز</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/club_points_dialog.py" line="64"/>
        <source>Redeem points</source>
        <translation>خرج امتیاز</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/club_points_dialog.py" line="81"/>
        <source>Positive adds points, negative takes them away</source>
        <translation>عدد مثبت امتیاز می‌افزاید و عدد منفی امتیاز کم می‌کند</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/club_points_dialog.py" line="93"/>
        <source>Why (kept in the ledger)</source>
        <translation>علت (در دفتر امتیازها می‌ماند)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/club_points_dialog.py" line="94"/>
        <source>What for (optional, kept in the ledger)</source>
        <translation>برای چه (اختیاری، در دفتر امتیازها می‌ماند)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/club_points_dialog.py" line="97"/>
        <source>Balance</source>
        <translation>مانده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/club_points_dialog.py" line="98"/>
        <source>Points</source>
        <translation>امتیاز</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/club_points_dialog.py" line="100"/>
        <source>Reason</source>
        <translation>علت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/club_points_dialog.py" line="104"/>
        <source>Adjust</source>
        <translation>اصلاح</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/club_points_dialog.py" line="104"/>
        <source>Redeem</source>
        <translation>خرج امتیاز</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/club_points_dialog.py" line="115"/>
        <source>This member has no points to redeem.</source>
        <translation>این عضو امتیازی برای خرج کردن ندارد.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/club_points_dialog.py" line="123"/>
        <source>Worth {money}; the balance becomes {after}</source>
        <translation>به ارزش {money}؛ مانده {after} می‌شود</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/club_points_dialog.py" line="139"/>
        <source>Enter the points to add (or, negative, to take away).</source>
        <translation>امتیازی را که افزوده می‌شود بنویسید (یا با عدد منفی، امتیازی را که کم می‌شود).</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_preview.py" line="138"/>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_preview.py" line="151"/>
        <source>New</source>
        <translation>تازه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_preview.py" line="152"/>
        <source>Updates</source>
        <translation>به‌روزرسانی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_preview.py" line="153"/>
        <source>Duplicates skipped</source>
        <translation>تکراری‌های نادیده‌گرفته</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_preview.py" line="154"/>
        <source>Errors, not imported</source>
        <translation>خطادار، وارد نمی‌شود</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_preview.py" line="164"/>
        <source>Tags separated by commas, e.g. Exhibition 1404</source>
        <translation>برچسب‌ها جدا با ویرگول، مثلاً نمایشگاه ۱۴۰۴</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_preview.py" line="167"/>
        <source>No list</source>
        <translation>بدون فهرست</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_preview.py" line="174"/>
        <source>Rows already in the database or repeated in the file:</source>
        <translation>ردیف‌هایی که در پایگاه داده هستند یا در پرونده تکرار شده‌اند:</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_preview.py" line="176"/>
        <source>Tags for every imported contact:</source>
        <translation>برچسب برای همه مخاطبان وارد‌شده:</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_preview.py" line="177"/>
        <source>Add every imported contact to the list:</source>
        <translation>افزودن همه مخاطبان وارد‌شده به فهرست:</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_preview.py" line="186"/>
        <source>These rows are not imported. Save them as an Excel file, fix them there and import that file again.</source>
        <translation>این ردیف‌ها وارد نمی‌شوند. آن‌ها را در یک پرونده اکسل ذخیره کنید، همان‌جا اصلاح کنید و آن پرونده را دوباره وارد کنید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_preview.py" line="188"/>
        <source>No errors: every row can be imported.</source>
        <translation>خطایی نیست: همه ردیف‌ها وارد می‌شوند.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_preview.py" line="190"/>
        <source>Save errors as Excel…</source>
        <translation>ذخیره خطاها در اکسل…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_preview.py" line="202"/>
        <source>These rows match a record already in the database, or an earlier row of the file. The choice above applies to all of them; change it for a row in its last column.</source>
        <translation>این ردیف‌ها با رکوردی در پایگاه داده یا ردیفی پیش‌تر در همین پرونده یکسان‌اند. انتخاب بالا برای همه آن‌هاست؛ برای یک ردیف در ستون آخر آن را تغییر دهید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_preview.py" line="205"/>
        <source>No duplicates: no row matches a record or another row by mobile, national code or e-mail.</source>
        <translation>تکراری نیست: هیچ ردیفی از نظر موبایل، کد ملی یا ایمیل با رکورد یا ردیف دیگری یکسان نیست.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_preview.py" line="209"/>
        <source>Names very close to another in the same city: maybe the same person written differently. They are imported; check them afterwards.</source>
        <translation>نام‌هایی بسیار نزدیک به نامی دیگر در همان شهر: شاید یک نفر باشند که به دو شکل نوشته شده. وارد می‌شوند؛ بعداً بررسی‌شان کنید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_preview.py" line="211"/>
        <source>No similar names.</source>
        <translation>نام مشابهی نیست.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_preview.py" line="257"/>
        <source>Checking the rows: {done} of {total}…</source>
        <translation>در حال بررسی ردیف‌ها: {done} از {total}…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_preview.py" line="264"/>
        <source>Cancelling…</source>
        <translation>در حال لغو…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_preview.py" line="310"/>
        <source>Errors ({n})</source>
        <translation>خطاها ({n})</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_preview.py" line="311"/>
        <source>Duplicates ({n})</source>
        <translation>تکراری‌ها ({n})</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_preview.py" line="312"/>
        <source>Similar names ({n})</source>
        <translation>نام‌های مشابه ({n})</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_preview.py" line="344"/>
        <source>of {n} duplicates</source>
        <translation>از {n} تکراری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_preview.py" line="359"/>
        <source>{file} errors</source>
        <translation>خطاهای {file}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_preview.py" line="370"/>
        <source>Saving the errors</source>
        <translation>ذخیره خطاها</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/product_dialog.py" line="36"/>
        <source>New product</source>
        <translation>کالای جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/product_dialog.py" line="37"/>
        <source>Edit product</source>
        <translation>ویرایش کالا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/product_dialog.py" line="47"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/product_dialog.py" line="48"/>
        <source>Product code</source>
        <translation>کد کالا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/product_dialog.py" line="49"/>
        <source>Unit</source>
        <translation>واحد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/product_dialog.py" line="50"/>
        <source>e.g. piece, box, hour</source>
        <translation>مثلاً عدد، جعبه، ساعت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/product_dialog.py" line="51"/>
        <source>Unit price</source>
        <translation>قیمت واحد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/product_dialog.py" line="53"/>
        <source>Tax</source>
        <translation>مالیات</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/product_dialog.py" line="54"/>
        <source>Subject to VAT</source>
        <translation>مشمول مالیات بر ارزش افزوده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/product_dialog.py" line="56"/>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/product_dialog.py" line="57"/>
        <source>Active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/product_dialog.py" line="59"/>
        <source>Description</source>
        <translation>شرح</translation>
    </message>
</context>
<context>
    <name>ProductPanel</name>
    <message>
        <location filename="../crm_desktop/ui/views/product_panel.py" line="18"/>
        <source>Choose a product in the list to see its details here.</source>
        <translation>برای دیدن جزئیات یک کالا، آن را در فهرست انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/product_panel.py" line="22"/>
        <source>Product code</source>
        <translation>کد کالا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/product_panel.py" line="22"/>
        <source>Unit</source>
        <translation>واحد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/product_panel.py" line="23"/>
        <source>Unit price</source>
        <translation>قیمت واحد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/product_panel.py" line="23"/>
        <source>Subject to VAT</source>
        <translation>مشمول مالیات بر ارزش افزوده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/product_panel.py" line="24"/>
        <source>Active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/product_panel.py" line="24"/>
        <source>Description</source>
        <translation>شرح</translation>
    </message>
</context>
<context>
    <name>ProductsModel</name>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/products_model.py" line="18"/>
        <source>Yes</source>
        <translation>بله</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/products_model.py" line="19"/>
        <source>No</source>
        <translation>خیر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/products_model.py" line="25"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/products_model.py" line="28"/>
        <source>Product code</source>
        <translation>کد کالا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/products_model.py" line="32"/>
        <source>Unit</source>
        <translation>واحد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/products_model.py" line="35"/>
        <source>Unit price</source>
        <translation>قیمت واحد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/products_model.py" line="43"/>
        <source>Taxable</source>
        <translation>مشمول مالیات</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/products_model.py" line="49"/>
        <source>Active</source>
        <translation>فعال</translation>
    </message>
</context>
<context>
    <name>ProductsSectionView</name>
    <message>
        <location filename="../crm_desktop/ui/views/products_section.py" line="28"/>
        <source>Products</source>
        <translation>کالاها و خدمات</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/products_section.py" line="32"/>
        <source>Proformas</source>
        <translation>پیش‌فاکتورها</translation>
    </message>
</context>
<context>
    <name>ProductsView</name>
    <message>
        <location filename="../crm_desktop/ui/views/products.py" line="36"/>
        <source>Active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/products.py" line="36"/>
        <source>Inactive</source>
        <translation>غیرفعال</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/products.py" line="37"/>
        <source>Taxable</source>
        <translation>مشمول مالیات</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/products.py" line="37"/>
        <source>Not taxable</source>
        <translation>معاف از مالیات</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/products.py" line="39"/>
        <source>Active and inactive</source>
        <translation>فعال و غیرفعال</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/products.py" line="41"/>
        <source>Taxable or not</source>
        <translation>مشمول و معاف از مالیات</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/products.py" line="48"/>
        <source>New product</source>
        <translation>کالای جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/products.py" line="49"/>
        <source>Search name or product code (Ctrl+F)</source>
        <translation>جستجوی نام یا کد کالا (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/products.py" line="57"/>
        <source>Products</source>
        <translation>کالاها و خدمات</translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/views/products.py" line="60"/>
        <source>%Ln product(s)</source>
        <translation>
            <numerusform>%Ln کالا</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/products.py" line="63"/>
        <source>No products yet: add what you sell to use it on proformas.</source>
        <translation>هنوز کالا یا خدمتی ثبت نشده است: آنچه می‌فروشید را اضافه کنید تا در پیش‌فاکتورها به کار رود.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/products.py" line="81"/>
        <source>Deactivate {name}? It stays on the proformas that already list it, and you can make it active again in its form.</source>
        <translation>{name} غیرفعال شود؟ در پیش‌فاکتورهایی که آن را دارند باقی می‌ماند و می‌توانید در فرم آن دوباره فعالش کنید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/products.py" line="98"/>
        <source>Deactivate product</source>
        <translation>غیرفعال کردن کالا</translation>
    </message>
</context>
<context>
    <name>ProformaDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/proforma_dialog.py" line="66"/>
        <source>New proforma</source>
        <translation>پیش‌فاکتور جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/proforma_dialog.py" line="67"/>
        <source>Edit proforma</source>
        <translation>ویرایش پیش‌فاکتور</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/proforma_dialog.py" line="71"/>
        <source>Buyer</source>
        <translation>خریدار</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/proforma_dialog.py" line="72"/>
        <source>Issue date</source>
        <translation>تاریخ صدور</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/proforma_dialog.py" line="73"/>
        <source>Valid until</source>
        <translation>معتبر تا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/proforma_dialog.py" line="74"/>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/proforma_dialog.py" line="76"/>
        <source>VAT rate (percent)</source>
        <translation>نرخ مالیات بر ارزش افزوده (درصد)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/proforma_dialog.py" line="77"/>
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/proforma_dialog.py" line="93"/>
        <source>Add product</source>
        <translation>افزودن کالا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/proforma_dialog.py" line="97"/>
        <source>Add a free line</source>
        <translation>افزودن ردیف آزاد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/proforma_dialog.py" line="101"/>
        <source>Remove line</source>
        <translation>حذف ردیف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/proforma_dialog.py" line="114"/>
        <source>Lines</source>
        <translation>ردیف‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/proforma_dialog.py" line="118"/>
        <source>Totals</source>
        <translation>جمع‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/proforma_dialog.py" line="120"/>
        <source>Save as PDF…</source>
        <translation>ذخیره به‌صورت PDF…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/proforma_dialog.py" line="125"/>
        <source>Preview</source>
        <translation>پیش‌نمایش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/proforma_dialog.py" line="200"/>
        <source>Subtotal: {amount}</source>
        <translation>جمع: {amount}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/proforma_dialog.py" line="201"/>
        <source>Discount: {amount}</source>
        <translation>تخفیف: {amount}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/proforma_dialog.py" line="202"/>
        <source>VAT: {amount}</source>
        <translation>مالیات بر ارزش افزوده: {amount}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/proforma_dialog.py" line="203"/>
        <source>Total: {amount}</source>
        <translation>جمع کل: {amount}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/proforma_dialog.py" line="248"/>
        <source>Company profile</source>
        <translation>مشخصات کسب‌وکار</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/proforma_dialog.py" line="249"/>
        <source>The company profile is empty: the proforma would show no seller. Fill in the profile first?</source>
        <translation>مشخصات کسب‌وکار خالی است و پیش‌فاکتور بدون نام فروشنده چاپ می‌شود. اول مشخصات را تکمیل می‌کنید؟</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/proforma_dialog.py" line="254"/>
        <source>Fill in the profile</source>
        <translation>تکمیل مشخصات</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/proforma_dialog.py" line="255"/>
        <source>Continue without it</source>
        <translation>ادامه بدون آن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/proforma_dialog.py" line="256"/>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/proforma_dialog.py" line="270"/>
        <source>Save the proforma as PDF</source>
        <translation>ذخیره پیش‌فاکتور به‌صورت PDF</translation>
    </message>
</context>
<context>
    <name>ProformaLines</name>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/proforma_lines_model.py" line="28"/>
        <source>Description</source>
        <extracomment>the lines changed (totals must be computed again)</extracomment>
        <translation>شرح</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/proforma_lines_model.py" line="29"/>
        <source>Quantity</source>
        <translation>مقدار</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/proforma_lines_model.py" line="30"/>
        <source>Unit</source>
        <translation>واحد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/proforma_lines_model.py" line="31"/>
        <source>Unit price</source>
        <translation>قیمت واحد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/proforma_lines_model.py" line="32"/>
        <source>Discount</source>
        <translation>تخفیف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/proforma_lines_model.py" line="33"/>
        <source>Taxable</source>
        <translation>مشمول مالیات</translation>
    </message>
</context>
<context>
    <name>ProformaPanel</name>
    <message>
        <location filename="../crm_desktop/ui/views/proforma_panel.py" line="18"/>
        <source>Choose a proforma in the list to see it here; double-click to open it.</source>
        <translation>یک پیش‌فاکتور را در فهرست انتخاب کنید تا اینجا دیده شود؛ برای باز کردن آن دوبار کلیک کنید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/proforma_panel.py" line="21"/>
        <source>Buyer</source>
        <translation>خریدار</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/proforma_panel.py" line="21"/>
        <source>Deal</source>
        <translation>معامله</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/proforma_panel.py" line="22"/>
        <source>Issue date</source>
        <translation>تاریخ صدور</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/proforma_panel.py" line="22"/>
        <source>Valid until</source>
        <translation>معتبر تا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/proforma_panel.py" line="23"/>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/proforma_panel.py" line="23"/>
        <source>Total</source>
        <translation>جمع کل</translation>
    </message>
</context>
<context>
    <name>ProformaRedeemDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/club_points_dialog.py" line="176"/>
        <source>Redeem club points</source>
        <translation>خرج امتیاز باشگاه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/club_points_dialog.py" line="207"/>
        <source>Balance</source>
        <translation>مانده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/club_points_dialog.py" line="208"/>
        <source>Line</source>
        <translation>ردیف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/club_points_dialog.py" line="209"/>
        <source>Points</source>
        <translation>امتیاز</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/club_points_dialog.py" line="210"/>
        <source>Discount</source>
        <translation>تخفیف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/club_points_dialog.py" line="214"/>
        <source>Redeem</source>
        <translation>خرج امتیاز</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/club_points_dialog.py" line="224"/>
        <source>The buyer has no points to redeem.</source>
        <translation>خریدار امتیازی برای خرج کردن ندارد.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/club_points_dialog.py" line="225"/>
        <source>The proforma has no line to discount.</source>
        <translation>پیش‌فاکتور ردیفی برای تخفیف ندارد.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/club_points_dialog.py" line="227"/>
        <source>Only a proforma to a person can use club points.</source>
        <translation>امتیاز باشگاه فقط در پیش‌فاکتوری به نام یک شخص خرج می‌شود.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/club_points_dialog.py" line="273"/>
        <source>Redeem club points…</source>
        <translation>خرج امتیاز باشگاه…</translation>
    </message>
</context>
<context>
    <name>ProformasModel</name>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/proformas_model.py" line="21"/>
        <source>Number</source>
        <translation>شماره</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/proformas_model.py" line="23"/>
        <source>Buyer</source>
        <translation>خریدار</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/proformas_model.py" line="24"/>
        <source>Deal</source>
        <translation>معامله</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/proformas_model.py" line="25"/>
        <source>Issue date</source>
        <translation>تاریخ صدور</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/proformas_model.py" line="27"/>
        <source>Valid until</source>
        <translation>معتبر تا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/proformas_model.py" line="29"/>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/proformas_model.py" line="31"/>
        <source>Total</source>
        <translation>جمع کل</translation>
    </message>
</context>
<context>
    <name>ProformasView</name>
    <message>
        <location filename="../crm_desktop/ui/views/proformas.py" line="36"/>
        <source>All statuses</source>
        <translation>همه وضعیت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/proformas.py" line="37"/>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/proformas.py" line="43"/>
        <source>New proforma</source>
        <translation>پیش‌فاکتور جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/proformas.py" line="44"/>
        <source>Search a number (1405-0001) or a buyer (Ctrl+F)</source>
        <translation>جستجوی شماره (۱۴۰۵-۰۰۰۱) یا خریدار (Ctrl+F)</translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/views/proformas.py" line="53"/>
        <source>%Ln proforma(s)</source>
        <translation>
            <numerusform>%Ln پیش‌فاکتور</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/proformas.py" line="56"/>
        <source>Proformas</source>
        <translation>پیش‌فاکتورها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/proformas.py" line="59"/>
        <source>No proformas yet: make one from a contact or a deal, or here.</source>
        <translation>هنوز پیش‌فاکتوری نیست: از صفحه یک مخاطب یا معامله، یا همین‌جا یکی بسازید.</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/record_form.py" line="270"/>
        <source>Save</source>
        <extracomment>the version of the record as the form read it (None: a new record): the save sends it, and is refused if someone saved the record since (EditConflict)</extracomment>
        <translation>ذخیره</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/record_form.py" line="273"/>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/errors.py" line="40"/>
        <source>Saved by someone else</source>
        <translation>ذخیره‌شده به دست دیگری</translation>
    </message>
</context>
<context>
    <name>RecordListView</name>
    <message>
        <location filename="../crm_desktop/ui/views/record_list.py" line="54"/>
        <source>Find duplicates and merge them</source>
        <translation>یافتن موارد تکراری و ادغام آن‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/record_list.py" line="56"/>
        <source>Find duplicates</source>
        <translation>یافتن موارد تکراری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/record_list.py" line="135"/>
        <location filename="../crm_desktop/ui/views/record_list.py" line="136"/>
        <location filename="../crm_desktop/ui/views/record_list.py" line="194"/>
        <source>Import from Excel or CSV…</source>
        <extracomment>the list kind the Export button writes (services/exports.py LIST_KINDS); None: none</extracomment>
        <translation>ورود اطلاعات از اکسل یا CSV…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/record_list.py" line="249"/>
        <source>Nothing here yet.</source>
        <translation>هنوز چیزی اینجا نیست.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/record_list.py" line="266"/>
        <source>List</source>
        <translation>فهرست</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/record_list.py" line="391"/>
        <source>Move to Trash</source>
        <translation>انتقال به سطل بازیافت</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/record_page.py" line="35"/>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
</context>
<context>
    <name>ReminderDialog</name>
    <message>
        <location filename="../crm_desktop/ui/reminders.py" line="67"/>
        <source>Reminders</source>
        <translation>یادآوری‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/reminders.py" line="75"/>
        <source>Done</source>
        <translation>انجام شد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/reminders.py" line="79"/>
        <source>Snooze 10 min</source>
        <translation>۱۰ دقیقه بعد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/reminders.py" line="79"/>
        <source>Snooze 1 hour</source>
        <translation>۱ ساعت بعد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/reminders.py" line="80"/>
        <source>Tomorrow</source>
        <translation>فردا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/reminders.py" line="85"/>
        <source>Open</source>
        <translation>باز</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/reminders.py" line="95"/>
        <source>These activities are due:</source>
        <translation>موعد این فعالیت‌ها رسیده است:</translation>
    </message>
</context>
<context>
    <name>ReminderWatcher</name>
    <message>
        <location filename="../crm_desktop/ui/reminders.py" line="227"/>
        <source>Reminder</source>
        <translation>یادآوری</translation>
    </message>
</context>
<context>
    <name>RemoveStageDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/stage_dialog.py" line="91"/>
        <source>Remove stage</source>
        <translation>حذف مرحله</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/stage_dialog.py" line="93"/>
        <source>This stage has {count} deals. Move them to:</source>
        <translation>این مرحله {count} معامله دارد. آن‌ها را به این مرحله منتقل کنید:</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/stage_dialog.py" line="96"/>
        <source>This stage has no deals. Remove it?</source>
        <translation>این مرحله معامله‌ای ندارد. حذف شود؟</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/stage_dialog.py" line="108"/>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/stage_dialog.py" line="109"/>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../crm_desktop/ui/views/reports.py" line="94"/>
        <source>All owners</source>
        <extracomment>the width of the list of reports the least height of a chart (the splitter between it and the table can grow it): at 1366x768 the title, the filters, a chart and a few rows of the table share the height</extracomment>
        <translation>همه مسئولان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/reports.py" line="95"/>
        <source>Owner</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/reports.py" line="123"/>
        <source>Nothing to report for this period. Try the period before, or a longer one.</source>
        <translation>در این دوره چیزی برای گزارش نیست. دورهٔ قبل یا دوره‌ای طولانی‌تر را امتحان کنید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/reports.py" line="125"/>
        <source>The period before</source>
        <translation>دورهٔ قبل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/reports.py" line="194"/>
        <source>{filter}: all</source>
        <translation>{filter}: همه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/reports.py" line="271"/>
        <source>The last bar adds up the other {n}</source>
        <translation>آخرین ستون جمع {n} مورد دیگر است</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/reports.py" line="311"/>
        <source>Exporting {name}</source>
        <translation>خروجی گرفتن از {name}</translation>
    </message>
</context>
<context>
    <name>RestorePreview</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="23"/>
        <source>Users</source>
        <translation>کاربران</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="24"/>
        <source>Contacts</source>
        <translation>مخاطبان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="25"/>
        <source>Companies</source>
        <translation>شرکت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="26"/>
        <source>Products</source>
        <translation>کالاها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="27"/>
        <source>Deals</source>
        <translation>معامله‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="28"/>
        <source>Proformas</source>
        <translation>پیش‌فاکتورها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="29"/>
        <source>Proforma lines</source>
        <translation>ردیف‌های پیش‌فاکتور</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="30"/>
        <source>Activities</source>
        <translation>فعالیت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="31"/>
        <source>Marketing lists</source>
        <translation>فهرست‌های بازاریابی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="32"/>
        <source>Campaigns</source>
        <translation>کمپین‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="33"/>
        <source>Tickets</source>
        <translation>تیکت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="34"/>
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="35"/>
        <source>Audit log entries</source>
        <translation>رویدادهای گزارش تغییرات</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="44"/>
        <source>{n} MB</source>
        <translation>{n} مگابایت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="45"/>
        <source>{n} KB</source>
        <translation>{n} کیلوبایت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="53"/>
        <source>{rev} (this version&apos;s)</source>
        <translation>{rev} (همین نسخه)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="54"/>
        <source>{rev} (older: upgraded after the restore)</source>
        <translation>{rev} (قدیمی‌تر: پس از بازگردانی به‌روز می‌شود)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="57"/>
        <source>{rev} (newer than this program: update it first)</source>
        <translation>{rev} (جدیدتر از این برنامه: نخست برنامه را به‌روز کنید)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="60"/>
        <source>unknown</source>
        <translation>نامعلوم</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="63"/>
        <source>Made</source>
        <translation>تاریخ تهیه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="64"/>
        <source>Schema version</source>
        <translation>نسخهٔ ساختار داده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="65"/>
        <source>Size</source>
        <translation>اندازه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="67"/>
        <source>Encrypted</source>
        <translation>رمزگذاری‌شده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="68"/>
        <source>Yes</source>
        <translation>بله</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="70"/>
        <source>No</source>
        <translation>خیر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="85"/>
        <source>Replace everything in this database with this backup? A copy of the current database is kept beside it first.</source>
        <translation>همهٔ داده‌های این پایگاه داده با این پشتیبان جایگزین شود؟ پیش از آن یک نسخه از پایگاه دادهٔ فعلی کنارش نگه داشته می‌شود.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="92"/>
        <source>This backup cannot be restored:</source>
        <translation>این پشتیبان را نمی‌توان بازگرداند:</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="102"/>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="149"/>
        <source>Restore from a backup</source>
        <translation>بازگردانی از پشتیبان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="110"/>
        <source>Restore</source>
        <translation>بازگردانی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/restore_preview.py" line="133"/>
        <source>This backup is encrypted: type its passphrase.</source>
        <translation>این پشتیبان رمزگذاری شده است: عبارت عبور آن را بنویسید.</translation>
    </message>
</context>
<context>
    <name>RfmSettings</name>
    <message>
        <location filename="../crm_desktop/ui/views/settings_rfm.py" line="17"/>
        <source>Customer segments (RFM)</source>
        <translation>بخش‌بندی مشتریان (RFM)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_rfm.py" line="24"/>
        <source> year(s)</source>
        <translation> سال</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_rfm.py" line="29"/>
        <source>Segments look at the won deals and accepted proformas of this many years; changing it computes them again for every contact.</source>
        <translation>بخش‌بندی، معاملات موفق و پیش‌فاکتورهای پذیرفته‌شدهٔ این چند سال را می‌سنجد؛ با تغییر آن، بخش همهٔ مخاطبان دوباره محاسبه می‌شود.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_rfm.py" line="35"/>
        <source>Years of purchases</source>
        <translation>سال‌های خرید</translation>
    </message>
</context>
<context>
    <name>RuleConditions</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_conditions.py" line="127"/>
        <source>Every contact (no conditions)</source>
        <translation>همهٔ مخاطبان (بی‌شرط)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_conditions.py" line="134"/>
        <source>{n} condition(s)</source>
        <translation>{n} شرط</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_conditions.py" line="138"/>
        <source>{n} contact(s) match now</source>
        <translation>اکنون {n} مخاطب</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_conditions.py" line="142"/>
        <source>on any of {n} list(s)</source>
        <translation>عضو یکی از {n} فهرست</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_dialog.py" line="79"/>
        <source>New rule</source>
        <extracomment>the order of the settings in the form (keys a kind does not have are left out) the message&apos;s own keys, beside the form keys shown only for some channel or assignment method: key -&gt; (controlling key, values)</extracomment>
        <translation>قانون تازه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_dialog.py" line="79"/>
        <source>Edit rule</source>
        <translation>ویرایش قانون</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_dialog.py" line="83"/>
        <source>On: the rule runs at start-up and every 15 minutes</source>
        <translation>روشن: قانون هنگام باز شدن برنامه و هر ۱۵ دقیقه اجرا می‌شود</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_dialog.py" line="109"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_dialog.py" line="114"/>
        <source>Message</source>
        <translation>پیام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_dialog.py" line="125"/>
        <source>Choose who…</source>
        <translation>انتخاب افراد…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_dialog.py" line="129"/>
        <source>Who it applies to</source>
        <translation>برای چه کسانی</translation>
    </message>
</context>
<context>
    <name>RuleSettings</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="57"/>
        <source>Send as</source>
        <extracomment>which channels each kind may use (the brief&apos;s table; the kind&apos;s clean has the last word)</extracomment>
        <translation>ارسال به صورت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="58"/>
        <source>E-mail subject</source>
        <translation>موضوع ایمیل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="59"/>
        <source>Message</source>
        <translation>پیام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="60"/>
        <source>Task</source>
        <translation>وظیفه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="61"/>
        <source>Task for</source>
        <translation>وظیفه برای</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="62"/>
        <source>Send from</source>
        <translation>ارسال از</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="63"/>
        <source>Catch up for</source>
        <translation>جبران تا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="64"/>
        <source>Wait before sending</source>
        <translation>درنگ پیش از ارسال</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="65"/>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="72"/>
        <source>Remind before</source>
        <translation>یادآوری پیش از آن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="66"/>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="67"/>
        <source>Ask after</source>
        <translation>پرسش پس از آن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="68"/>
        <source>After tickets</source>
        <translation>پس از تیکت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="69"/>
        <source>After won deals</source>
        <translation>پس از معامله‌های برنده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="70"/>
        <source>Quiet for</source>
        <translation>بی‌فعالیت به مدت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="71"/>
        <source>Anniversary of</source>
        <translation>سالگرد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="73"/>
        <source>Assign</source>
        <translation>واگذاری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="74"/>
        <source>People</source>
        <translation>افراد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="75"/>
        <source>By city</source>
        <translation>بر اساس شهر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="76"/>
        <source>By source</source>
        <translation>بر اساس منبع</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="77"/>
        <source>Otherwise</source>
        <translation>در غیر این صورت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="78"/>
        <source>Only leads without an owner</source>
        <translation>فقط سرنخ‌های بی‌مسئول</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="79"/>
        <source>Only moves up</source>
        <translation>فقط ارتقای سطح</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="148"/>
        <source>Hello {first_name}, ...</source>
        <translation>سلام {first_name}، ...</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="149"/>
        <source>Insert field</source>
        <translation>درج فیلد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="224"/>
        <source>{chars} characters, {parts} SMS ({left} left in this part)</source>
        <translation>{chars} نویسه، {parts} پیامک ({left} نویسه تا پایان این بخش)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="285"/>
        <source> hour(s)</source>
        <translation> ساعت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="285"/>
        <source> day(s)</source>
        <translation> روز</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="297"/>
        <source>Their owner</source>
        <translation>مسئول خودش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="302"/>
        <source>Only on the day</source>
        <translation>فقط در همان روز</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="304"/>
        <source>At once</source>
        <translation>بی‌درنگ</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="308"/>
        <source>On the day</source>
        <translation>همان روز</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/rule_settings.py" line="324"/>
        <source>Nobody: leave it unowned</source>
        <translation>هیچ‌کس: بی‌مسئول بماند</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_run.py" line="50"/>
        <source>Cancel stops the import and writes nothing: the database stays as it was.</source>
        <translation>«لغو» ورود اطلاعات را متوقف می‌کند و چیزی نمی‌نویسد: پایگاه داده همان‌طور که بود می‌ماند.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_run.py" line="74"/>
        <source>Created</source>
        <translation>ساخته شد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_run.py" line="75"/>
        <source>Updated</source>
        <translation>به‌روز شد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_run.py" line="76"/>
        <source>Duplicates skipped</source>
        <translation>تکراری‌های نادیده‌گرفته</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_run.py" line="77"/>
        <source>Errors, not imported</source>
        <translation>خطادار، وارد نشد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_run.py" line="79"/>
        <source>Not what you expected? Undo this import as a whole: the records it created are removed and the fields it updated get their earlier values back. Later, use File › Undo last import.</source>
        <translation>آن چیزی نبود که انتظار داشتید؟ کل این ورود اطلاعات را برگردانید: رکوردهایی که ساخته حذف می‌شوند و فیلدهایی که به‌روز کرده مقدار پیشین را پس می‌گیرند. بعدها از «پرونده ‹ برگرداندن آخرین ورود اطلاعات» استفاده کنید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_run.py" line="85"/>
        <source>Undo this import</source>
        <translation>برگرداندن این ورود اطلاعات</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_run.py" line="119"/>
        <source>Importing {file}…</source>
        <translation>در حال ورود اطلاعات از {file}…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_run.py" line="144"/>
        <source>Cancelling: nothing is written…</source>
        <translation>در حال لغو: چیزی نوشته نمی‌شود…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_run.py" line="168"/>
        <source>{file} was imported.</source>
        <translation>اطلاعات {file} وارد شد.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_run.py" line="174"/>
        <source>Open {kind}</source>
        <translation>باز کردن {kind}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_run.py" line="182"/>
        <source>The import was undone: the database is as it was before it.</source>
        <translation>ورود اطلاعات برگردانده شد: پایگاه داده همان است که پیش از آن بود.</translation>
    </message>
</context>
<context>
    <name>RunPreview</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/run_preview.py" line="36"/>
        <source>Preview: what a run would do now</source>
        <translation>پیش‌نمایش: اجرای اکنون چه می‌کند</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/run_preview.py" line="38"/>
        <source>Working out what the rules would do…</source>
        <translation>در حال بررسی کارهای قانون‌ها…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/run_preview.py" line="72"/>
        <source>The preview failed: {problem}</source>
        <translation>پیش‌نمایش ناموفق بود: {problem}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/run_preview.py" line="77"/>
        <source>A run now would do {n} thing(s). Nothing has been sent or written.</source>
        <translation>اجرای اکنون {n} کار انجام می‌دهد. چیزی فرستاده یا ثبت نشده است.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/run_preview.py" line="79"/>
        <source>A run now would do nothing: nothing is due.</source>
        <translation>اجرای اکنون کاری نمی‌کند: موعد هیچ کاری نرسیده است.</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../crm_desktop/ui/widgets/search_box.py" line="88"/>
        <source>Search…</source>
        <translation>جستجو…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/search_box.py" line="89"/>
        <source>Search</source>
        <translation>جستجو</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/search_box.py" line="90"/>
        <source>Search now (Enter)</source>
        <translation>جستجو (Enter)</translation>
    </message>
</context>
<context>
    <name>Segments</name>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/segments_model.py" line="36"/>
        <source>Segment</source>
        <extracomment>the segment&apos;s code (a RfmSegment value) on every cell of its row</extracomment>
        <translation>بخش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/segments_model.py" line="37"/>
        <source>Contacts</source>
        <translation>مخاطبان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/segments_model.py" line="38"/>
        <source>Share of contacts</source>
        <translation>سهم از مخاطبان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/segments_model.py" line="39"/>
        <source>Revenue in the window</source>
        <translation>درآمد در این بازه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/segments_model.py" line="40"/>
        <source>Share of revenue</source>
        <translation>سهم از درآمد</translation>
    </message>
</context>
<context>
    <name>SegmentsPage</name>
    <message>
        <location filename="../crm_desktop/ui/views/segments.py" line="41"/>
        <source>Customer segments (RFM)</source>
        <extracomment>tables whose changes can move the figures (the page then says they may be out of date)</extracomment>
        <translation>بخش‌بندی مشتریان (RFM)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/segments.py" line="53"/>
        <source>Recompute</source>
        <translation>محاسبهٔ دوباره</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/segments.py" line="56"/>
        <source>Compute every contact&apos;s recency, frequency and money again from won deals and accepted proformas</source>
        <translation>تازگی، تکرار و مبلغ خرید همهٔ مخاطبان را از معاملات موفق و پیش‌فاکتورهای پذیرفته‌شده دوباره محاسبه کن</translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/views/segments.py" line="88"/>
        <source>Purchases (won deals and accepted proformas) of the last %Ln year(s): how recently, how often and how much each contact bought, scored 1 to 5 by quintile. The window is set in Settings &gt; Marketing.</source>
        <translation>
            <numerusform>خریدهای %Ln سال گذشته (معاملات موفق و پیش‌فاکتورهای پذیرفته‌شده): هر مخاطب چقدر تازه، چند بار و چه مبلغی خریده است، با امتیاز ۱ تا ۵ بر پایهٔ پنجک‌ها. این بازه در تنظیمات، بخش «بازاریابی» تعیین می‌شود.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/segments.py" line="93"/>
        <source>Not computed yet: press Recompute.</source>
        <translation>هنوز محاسبه نشده است: «محاسبهٔ دوباره» را بزنید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/segments.py" line="95"/>
        <source>Computed on {when}.</source>
        <translation>محاسبه شده در {when}.</translation>
    </message>
</context>
<context>
    <name>SendingSettings</name>
    <message>
        <location filename="../crm_desktop/ui/views/settings_sending.py" line="33"/>
        <location filename="../crm_desktop/ui/views/settings_sending.py" line="46"/>
        <source>Not sent from here</source>
        <translation>از این برنامه فرستاده نمی‌شود</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_sending.py" line="34"/>
        <source>File for the SMS panel (CSV / Excel)</source>
        <translation>پرونده برای سامانه پیامک (CSV / اکسل)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_sending.py" line="35"/>
        <source>SMS gateway over the internet (HTTP)</source>
        <translation>درگاه پیامک اینترنتی (HTTP)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_sending.py" line="47"/>
        <location filename="../crm_desktop/ui/views/settings_sending.py" line="90"/>
        <source>SMTP server</source>
        <translation>سرور SMTP</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_sending.py" line="58"/>
        <source>None (unencrypted)</source>
        <translation>هیچ (بدون رمزنگاری)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_sending.py" line="74"/>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_sending.py" line="81"/>
        <source>SMS</source>
        <translation>پیامک</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_sending.py" line="82"/>
        <source>Gateway address</source>
        <translation>نشانی درگاه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_sending.py" line="83"/>
        <source>API key</source>
        <translation>کلید API</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_sending.py" line="84"/>
        <source>Sender line</source>
        <translation>شماره خط فرستنده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_sending.py" line="89"/>
        <source>E-mail</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_sending.py" line="91"/>
        <source>Port</source>
        <translation>درگاه (پورت)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_sending.py" line="92"/>
        <source>Security</source>
        <translation>امنیت اتصال</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_sending.py" line="93"/>
        <source>User name</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_sending.py" line="94"/>
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_sending.py" line="95"/>
        <source>Sender address</source>
        <translation>نشانی فرستنده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_sending.py" line="123"/>
        <source>kept in the system&apos;s keyring; leave empty to keep the stored one</source>
        <translation>در کلیدستان سیستم نگهداری می‌شود؛ برای نگه داشتن مقدار ذخیره‌شده خالی بگذارید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_sending.py" line="129"/>
        <source>This computer has no keyring (password store), so the API key and the SMTP password cannot be kept: they are never written to the database. Use the panel file for SMS, or install a keyring.</source>
        <translation>این رایانه کلیدستان (انبار گذرواژه) ندارد، پس کلید API و گذرواژه SMTP نگهداری نمی‌شوند: این‌ها هرگز در پایگاه داده نوشته نمی‌شوند. برای پیامک از پرونده سامانه پیامک استفاده کنید یا یک کلیدستان نصب کنید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_sending.py" line="155"/>
        <source>Saved, but the secret was not kept: no keyring.</source>
        <translation>ذخیره شد، اما رمز نگهداری نشد: کلیدستانی وجود ندارد.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_sending.py" line="159"/>
        <source>Saved.</source>
        <translation>ذخیره شد.</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/server_dialog.py" line="38"/>
        <source>Connect to a server</source>
        <translation>اتصال به سرور</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/server_dialog.py" line="40"/>
        <source>Every desk of the office works on the same database on a PostgreSQL server. Ask whoever set it up for these details.</source>
        <translation>همهٔ میزهای دفتر روی یک پایگاه داده در سرور PostgreSQL کار می‌کنند. این مشخصات را از کسی بپرسید که سرور را راه‌اندازی کرده است.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/server_dialog.py" line="54"/>
        <source>Remember the password in this computer&apos;s keyring</source>
        <translation>گذرواژه در جاکلیدی این رایانه به خاطر سپرده شود</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/server_dialog.py" line="58"/>
        <source>This computer has no keyring: the password is asked for each time</source>
        <translation>این رایانه جاکلیدی ندارد: گذرواژه هر بار پرسیده می‌شود</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/server_dialog.py" line="66"/>
        <source>Server</source>
        <translation>سرور</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/server_dialog.py" line="67"/>
        <source>Port</source>
        <translation>درگاه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/server_dialog.py" line="68"/>
        <source>Database</source>
        <translation>پایگاه داده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/server_dialog.py" line="69"/>
        <source>User</source>
        <translation>کاربر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/server_dialog.py" line="70"/>
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/server_dialog.py" line="74"/>
        <source>Connect</source>
        <translation>اتصال</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/server_dialog.py" line="76"/>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/server_dialog.py" line="98"/>
        <source>The server refused the user name or password.</source>
        <translation>سرور نام کاربری یا گذرواژه را نپذیرفت.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/server_dialog.py" line="99"/>
        <source>The server cannot be reached: check its address and port, and that it is switched on and on the network.</source>
        <translation>سرور در دسترس نیست: نشانی و درگاه آن را بررسی کنید و مطمئن شوید روشن و به شبکه وصل است.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/server_dialog.py" line="101"/>
        <source>The server has no database by this name.</source>
        <translation>سرور پایگاه داده‌ای با این نام ندارد.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/server_dialog.py" line="102"/>
        <source>The server refused the connection.</source>
        <translation>سرور اتصال را نپذیرفت.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/server_dialog.py" line="103"/>
        <source>The server asks for a password.</source>
        <translation>سرور گذرواژه می‌خواهد.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/server_dialog.py" line="104"/>
        <source>Fill in the server, the database and the user.</source>
        <translation>سرور، پایگاه داده و کاربر را وارد کنید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/server_dialog.py" line="105"/>
        <source>This computer has no keyring: the password was not remembered.</source>
        <translation>این رایانه جاکلیدی ندارد: گذرواژه به خاطر سپرده نشد.</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="99"/>
        <source>Settings</source>
        <extracomment>the width of the list of categories, at the reading edge of the page the widest a settings page grows: forms stay readable on a wide window the pages of the business&apos;s settings (Perm.SETTINGS)</extracomment>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="129"/>
        <source>Rial</source>
        <translation>ریال</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="130"/>
        <source>Toman</source>
        <translation>تومان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="123"/>
        <source>Edit the company profile…</source>
        <extracomment>the business&apos;s settings are for roles with SETTINGS; Display (language, theme: this computer&apos;s choices) and one&apos;s own pages are for everyone</extracomment>
        <translation>ویرایش مشخصات کسب‌وکار…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="204"/>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="139"/>
        <source>Show amounts in</source>
        <translation>واحد نمایش مبلغ‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="209"/>
        <source>Time zone of the business</source>
        <translation>منطقه زمانی کسب‌وکار</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="134"/>
        <source>Your business</source>
        <translation>کسب‌وکار شما</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="132"/>
        <source>Business</source>
        <translation>کسب‌وکار</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="144"/>
        <source>Sales pipeline stages</source>
        <translation>مراحل قیف فروش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="144"/>
        <source>Pipeline</source>
        <translation>قیف فروش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="149"/>
        <source>Support hours</source>
        <translation>ساعت‌های پشتیبانی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="150"/>
        <source>Support hours and response targets</source>
        <translation>ساعت‌های پشتیبانی و مهلت‌های پاسخ</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="155"/>
        <source>Marketing</source>
        <translation>بازاریابی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="161"/>
        <source>Customer club</source>
        <translation>باشگاه مشتریان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="167"/>
        <source>Sending</source>
        <translation>ارسال</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="168"/>
        <source>Sending SMS and e-mail</source>
        <translation>ارسال پیامک و ایمیل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="175"/>
        <source>Backups</source>
        <translation>پشتیبان‌گیری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="182"/>
        <source>Audit log</source>
        <translation>گزارش تغییرات</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="183"/>
        <source>Audit log: who changed what, and when</source>
        <translation>گزارش تغییرات: چه کسی، چه چیزی را و چه زمانی تغییر داد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="202"/>
        <source>Display</source>
        <translation>نمایش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="219"/>
        <source>Users and roles</source>
        <translation>کاربران و نقش‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="290"/>
        <source>(no name yet: it is printed on proformas)</source>
        <translation>(هنوز نامی ثبت نشده است؛ این نام روی پیش‌فاکتورها چاپ می‌شود)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="292"/>
        <source>VAT rate: {rate}</source>
        <translation>نرخ مالیات بر ارزش افزوده: {rate}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings.py" line="302"/>
        <source>The new language is used the next time you start the program.</source>
        <translation>زبان جدید از دفعه بعد که برنامه را باز کنید به کار می‌رود.</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../crm_desktop/ui/widgets/sidebar.py" line="201"/>
        <source>Show the section names</source>
        <extracomment>the icon of each section (Tabler names, resources/icons) the sections that show a count, and how it is read</extracomment>
        <translation>نمایش نام بخش‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/sidebar.py" line="202"/>
        <source>Show icons only</source>
        <translation>فقط نمادها</translation>
    </message>
</context>
<context>
    <name>SlaEditor</name>
    <message>
        <location filename="../crm_desktop/ui/widgets/sla_editor.py" line="89"/>
        <source>Saturday</source>
        <extracomment>the Iranian week, Saturday first</extracomment>
        <translation>شنبه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/sla_editor.py" line="89"/>
        <source>Sunday</source>
        <translation>یکشنبه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/sla_editor.py" line="90"/>
        <source>Monday</source>
        <translation>دوشنبه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/sla_editor.py" line="90"/>
        <source>Tuesday</source>
        <translation>سه‌شنبه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/sla_editor.py" line="91"/>
        <source>Wednesday</source>
        <translation>چهارشنبه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/sla_editor.py" line="91"/>
        <source>Thursday</source>
        <translation>پنجشنبه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/sla_editor.py" line="92"/>
        <source>Friday</source>
        <translation>جمعه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/sla_editor.py" line="94"/>
        <source>Day</source>
        <translation>روز</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/sla_editor.py" line="95"/>
        <source>Working day</source>
        <translation>روز کاری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/sla_editor.py" line="96"/>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/sla_editor.py" line="97"/>
        <source>To</source>
        <translation>تا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/sla_editor.py" line="100"/>
        <source>Works</source>
        <translation>کاری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/sla_editor.py" line="124"/>
        <source>Add</source>
        <translation>افزودن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/sla_editor.py" line="128"/>
        <source>Remove selected</source>
        <translation>حذف موارد انتخاب‌شده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/sla_editor.py" line="139"/>
        <source>Priority</source>
        <translation>اولویت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/sla_editor.py" line="140"/>
        <source>First response (working hours)</source>
        <translation>نخستین پاسخ (ساعت کاری)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/sla_editor.py" line="141"/>
        <source>Resolution (working hours)</source>
        <translation>رسیدگی (ساعت کاری)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/sla_editor.py" line="165"/>
        <source>Save support hours and targets</source>
        <translation>ذخیره ساعت‌ها و مهلت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/sla_editor.py" line="175"/>
        <source>Working hours (the business&apos;s time zone)</source>
        <translation>ساعت کاری (به وقت منطقه زمانی کسب‌وکار)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/sla_editor.py" line="177"/>
        <source>Holidays</source>
        <translation>تعطیلات</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/sla_editor.py" line="180"/>
        <source>Targets per priority</source>
        <translation>مهلت‌ها بر اساس اولویت</translation>
    </message>
</context>
<context>
    <name>StageColumn</name>
    <message>
        <location filename="../crm_desktop/ui/widgets/deal_board.py" line="242"/>
        <source>Drop a deal here to mark it won</source>
        <translation>برای ثبت موفقیت، معامله را اینجا رها کنید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/deal_board.py" line="243"/>
        <source>Drop a deal here to mark it lost</source>
        <translation>برای ثبت عدم موفقیت، معامله را اینجا رها کنید</translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/widgets/deal_board.py" line="263"/>
        <source>%Ln deal(s)</source>
        <translation>
            <numerusform>%Ln معامله</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/deal_board.py" line="264"/>
        <source>Total: {amount}</source>
        <translation>جمع کل: {amount}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/deal_board.py" line="266"/>
        <source>Weighted: {amount}</source>
        <translation>وزنی: {amount}</translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/widgets/deal_board.py" line="277"/>
        <source>Show more (%Ln not shown)</source>
        <translation>
            <numerusform>بیشتر (%Ln مورد دیگر)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StageDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/stage_dialog.py" line="30"/>
        <source>Open</source>
        <translation>باز</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/stage_dialog.py" line="31"/>
        <source>Won</source>
        <translation>موفق</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/stage_dialog.py" line="32"/>
        <source>Lost</source>
        <translation>ناموفق</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/stage_dialog.py" line="50"/>
        <source>New stage</source>
        <translation>مرحله جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/stage_dialog.py" line="50"/>
        <source>Edit stage</source>
        <translation>ویرایش مرحله</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/stage_dialog.py" line="52"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/stage_dialog.py" line="53"/>
        <source>Probability (percent)</source>
        <translation>احتمال (درصد)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/stage_dialog.py" line="57"/>
        <source>Outcome</source>
        <translation>نتیجه</translation>
    </message>
</context>
<context>
    <name>StageEditor</name>
    <message>
        <location filename="../crm_desktop/ui/widgets/stage_editor.py" line="105"/>
        <source>Add…</source>
        <translation>افزودن…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/stage_editor.py" line="106"/>
        <source>Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/stage_editor.py" line="107"/>
        <source>Move up</source>
        <translation>انتقال به بالا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/stage_editor.py" line="109"/>
        <source>Move down</source>
        <translation>انتقال به پایین</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/stage_editor.py" line="111"/>
        <source>Remove…</source>
        <translation>حذف…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/stage_editor.py" line="213"/>
        <source>The pipeline needs at least one open, one won and one lost stage, so this stage cannot be removed. Rename it instead.</source>
        <translation>قیف فروش دست‌کم به یک مرحله باز، یک مرحله موفق و یک مرحله ناموفق نیاز دارد، پس این مرحله را نمی‌توان حذف کرد. به جای آن نامش را تغییر دهید.</translation>
    </message>
</context>
<context>
    <name>StageModel</name>
    <message>
        <location filename="../crm_desktop/ui/widgets/stage_editor.py" line="42"/>
        <source>Stage</source>
        <translation>مرحله</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/stage_editor.py" line="42"/>
        <source>Probability</source>
        <translation>احتمال</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/stage_editor.py" line="42"/>
        <source>Outcome</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/stage_editor.py" line="43"/>
        <source>Deals</source>
        <translation>معامله‌ها</translation>
    </message>
</context>
<context>
    <name>StaticListDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="462"/>
        <source>New list</source>
        <translation>فهرست تازه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="462"/>
        <source>Edit list</source>
        <translation>ویرایش فهرست</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="470"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/list_filter_dialog.py" line="471"/>
        <source>Description</source>
        <translation>شرح</translation>
    </message>
</context>
<context>
    <name>StepBar</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_wizard.py" line="71"/>
        <source>File</source>
        <translation>پرونده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_wizard.py" line="71"/>
        <source>Columns</source>
        <translation>ستون‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_wizard.py" line="71"/>
        <source>Preview</source>
        <translation>پیش‌نمایش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/import_wizard.py" line="71"/>
        <source>Import</source>
        <translation>ورود</translation>
    </message>
</context>
<context>
    <name>TicketDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/ticket_dialog.py" line="65"/>
        <source>New ticket</source>
        <translation>تیکت جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/ticket_dialog.py" line="67"/>
        <source>Edit ticket {number}</source>
        <translation>ویرایش تیکت {number}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/ticket_dialog.py" line="83"/>
        <source>Subject</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/ticket_dialog.py" line="84"/>
        <source>Contact</source>
        <translation>مخاطب</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/ticket_dialog.py" line="85"/>
        <source>New contact…</source>
        <translation>مخاطب جدید…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/ticket_dialog.py" line="92"/>
        <source>Category</source>
        <translation>دسته</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/ticket_dialog.py" line="94"/>
        <source>Priority</source>
        <translation>اولویت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/ticket_dialog.py" line="96"/>
        <source>Channel</source>
        <translation>راه ارتباطی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/ticket_dialog.py" line="97"/>
        <source>Assignee</source>
        <translation>کارشناس مسئول</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/ticket_dialog.py" line="98"/>
        <source>(nobody)</source>
        <translation>(هیچ‌کس)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/ticket_dialog.py" line="100"/>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/ticket_dialog.py" line="102"/>
        <source>Description</source>
        <translation>شرح</translation>
    </message>
</context>
<context>
    <name>TicketPanel</name>
    <message>
        <location filename="../crm_desktop/ui/views/ticket_panel.py" line="42"/>
        <source>Choose a ticket in the list to see its details and comments here.</source>
        <extracomment>a comment entry: its id, and whether it is an internal note the background of internal notes (a pale yellow, like a sticky note) statuses a ticket can be reopened from</extracomment>
        <translation>برای دیدن جزئیات و یادداشت‌های یک تیکت، آن را در فهرست انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/ticket_panel.py" line="48"/>
        <source>Add comment</source>
        <translation>افزودن یادداشت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/ticket_panel.py" line="50"/>
        <source>Close…</source>
        <translation>بستن…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/ticket_panel.py" line="51"/>
        <source>Reopen</source>
        <translation>بازگشایی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/ticket_panel.py" line="52"/>
        <source>Log activity</source>
        <translation>ثبت فعالیت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/ticket_panel.py" line="63"/>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/ticket_panel.py" line="63"/>
        <source>Priority</source>
        <translation>اولویت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/ticket_panel.py" line="64"/>
        <source>Category</source>
        <translation>دسته</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/ticket_panel.py" line="64"/>
        <source>Channel</source>
        <translation>راه ارتباطی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/ticket_panel.py" line="65"/>
        <source>Contact</source>
        <translation>مخاطب</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/ticket_panel.py" line="65"/>
        <source>Company</source>
        <translation>شرکت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/ticket_panel.py" line="66"/>
        <source>Assignee</source>
        <translation>کارشناس مسئول</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/ticket_panel.py" line="66"/>
        <source>SLA due</source>
        <translation>مهلت رسیدگی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/ticket_panel.py" line="67"/>
        <source>Created</source>
        <translation>تاریخ ثبت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/ticket_panel.py" line="68"/>
        <source>First response</source>
        <translation>نخستین پاسخ</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/ticket_panel.py" line="69"/>
        <source>Closed</source>
        <translation>بسته‌شده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/ticket_panel.py" line="69"/>
        <source>Satisfaction</source>
        <translation>رضایت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/ticket_panel.py" line="70"/>
        <source>Description</source>
        <translation>شرح</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/ticket_panel.py" line="70"/>
        <source>Resolution</source>
        <translation>راه‌حل</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/ticket_panel.py" line="135"/>
        <source>{due} (overdue)</source>
        <translation>{due} (عقب‌افتاده)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/ticket_panel.py" line="141"/>
        <source>{score} of 5</source>
        <translation>{score} از ۵</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/ticket_panel.py" line="156"/>
        <source>Comments ({n})</source>
        <translation>یادداشت‌ها ({n})</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/ticket_panel.py" line="160"/>
        <source>No comments yet.</source>
        <translation>هنوز یادداشتی نیست.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/ticket_panel.py" line="165"/>
        <source>[Internal note]</source>
        <translation>[یادداشت داخلی]</translation>
    </message>
</context>
<context>
    <name>TicketsModel</name>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/tickets_model.py" line="41"/>
        <source>Number</source>
        <extracomment>the colour token of an overdue ticket&apos;s row (the theme&apos;s danger colour) statuses after which a ticket no longer runs against its SLA</extracomment>
        <translation>شماره</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/tickets_model.py" line="45"/>
        <source>Subject</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/tickets_model.py" line="46"/>
        <source>Contact</source>
        <translation>مخاطب</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/tickets_model.py" line="49"/>
        <source>Priority</source>
        <translation>اولویت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/tickets_model.py" line="56"/>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/tickets_model.py" line="61"/>
        <source>Assignee</source>
        <translation>کارشناس مسئول</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/tickets_model.py" line="64"/>
        <source>SLA due</source>
        <translation>مهلت رسیدگی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/tickets_model.py" line="71"/>
        <source>Created</source>
        <translation>تاریخ ثبت</translation>
    </message>
</context>
<context>
    <name>TicketsView</name>
    <message>
        <location filename="../crm_desktop/ui/views/tickets.py" line="33"/>
        <source>Overdue</source>
        <translation>عقب‌افتاده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/tickets.py" line="35"/>
        <source>All statuses</source>
        <translation>همه وضعیت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/tickets.py" line="36"/>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/tickets.py" line="37"/>
        <source>All priorities</source>
        <translation>همه اولویت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/tickets.py" line="38"/>
        <source>Priority</source>
        <translation>اولویت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/tickets.py" line="39"/>
        <source>All categories</source>
        <translation>همه دسته‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/tickets.py" line="40"/>
        <source>Category</source>
        <translation>دسته</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/tickets.py" line="41"/>
        <source>All assignees</source>
        <translation>همه کارشناسان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/tickets.py" line="42"/>
        <source>Assignee</source>
        <translation>کارشناس</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/tickets.py" line="43"/>
        <source>Overdue or not</source>
        <translation>عقب‌افتاده یا نه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/tickets.py" line="49"/>
        <source>New ticket</source>
        <translation>تیکت جدید</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/tickets.py" line="50"/>
        <source>Search subject, number or description (Ctrl+F)</source>
        <translation>جستجوی موضوع، شماره یا شرح (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/tickets.py" line="78"/>
        <source>Tickets</source>
        <translation>تیکت‌ها</translation>
    </message>
    <message numerus="yes">
        <location filename="../crm_desktop/ui/views/tickets.py" line="81"/>
        <source>%Ln ticket(s)</source>
        <translation>
            <numerusform>%Ln تیکت</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/tickets.py" line="84"/>
        <source>No tickets yet: record a customer&apos;s request as a ticket.</source>
        <translation>هنوز تیکتی ثبت نشده است: درخواست مشتری را به صورت تیکت ثبت کنید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/tickets.py" line="97"/>
        <source>Move ticket {number} to the Trash? You can restore it from Edit &gt; Trash.</source>
        <translation>تیکت {number} به سطل بازیافت منتقل شود؟ می‌توانید آن را از ویرایش ← سطل بازیافت بازگردانید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/tickets.py" line="110"/>
        <source>{status}: {n}</source>
        <translation>{status}: {n}</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/tickets.py" line="116"/>
        <source>Past due: {overdue} · Resolved late: {late}</source>
        <translation>گذشته از مهلت: {overdue} · رسیدگی با تأخیر: {late}</translation>
    </message>
</context>
<context>
    <name>TiersModel</name>
    <message>
        <location filename="../crm_desktop/ui/views/settings_club.py" line="111"/>
        <source>Tier</source>
        <extracomment>the most tiers a club has (a long ladder helps no one) the largest number of points a setting takes</extracomment>
        <translation>سطح</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_club.py" line="113"/>
        <source>From points</source>
        <translation>از امتیاز</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_club.py" line="114"/>
        <source>From spend in 12 months</source>
        <translation>از خرید ۱۲ ماه</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <location filename="../crm_desktop/ui/views/activities_today.py" line="78"/>
        <source>Overdue</source>
        <translation>عقب‌افتاده</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_today.py" line="78"/>
        <source>Nothing overdue.</source>
        <translation>کار عقب‌افتاده‌ای نیست.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_today.py" line="79"/>
        <source>Due today</source>
        <translation>موعد امروز</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_today.py" line="80"/>
        <source>Nothing else is due today.</source>
        <translation>کار دیگری برای امروز نیست.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_today.py" line="81"/>
        <source>Upcoming (next 7 days)</source>
        <translation>پیش رو (۷ روز آینده)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_today.py" line="82"/>
        <source>Nothing in the next 7 days.</source>
        <translation>در ۷ روز آینده کاری نیست.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_today.py" line="83"/>
        <source>Today&apos;s birthdays</source>
        <translation>تولدهای امروز</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_today.py" line="84"/>
        <source>No birthdays today.</source>
        <translation>امروز تولد کسی نیست.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_today.py" line="85"/>
        <source>Done</source>
        <translation>انجام شد</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_today.py" line="89"/>
        <source>Print / save the day&apos;s agenda</source>
        <translation>چاپ / ذخیره برنامه روز</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/activities_today.py" line="207"/>
        <source>The day&apos;s agenda</source>
        <translation>برنامه روز</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="58"/>
        <source>Trash</source>
        <translation>سطل بازیافت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="63"/>
        <source>Contacts</source>
        <translation>مخاطبان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="64"/>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="67"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="65"/>
        <source>No contacts in the Trash.</source>
        <translation>هیچ مخاطبی در سطل بازیافت نیست.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="66"/>
        <source>Companies</source>
        <translation>شرکت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="68"/>
        <source>No companies in the Trash.</source>
        <translation>هیچ شرکتی در سطل بازیافت نیست.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="69"/>
        <source>Deals</source>
        <translation>معامله‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="70"/>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="71"/>
        <source>No deals in the Trash.</source>
        <translation>هیچ معامله‌ای در سطل بازیافت نیست.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="72"/>
        <source>Tickets</source>
        <translation>تیکت‌ها</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="73"/>
        <source>Ticket</source>
        <translation>تیکت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="74"/>
        <source>No tickets in the Trash.</source>
        <translation>هیچ تیکتی در سطل بازیافت نیست.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="105"/>
        <source>Restore</source>
        <translation>بازگردانی</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="109"/>
        <source>Restored records go back to their lists as they were.</source>
        <translation>موارد بازگردانده‌شده همان‌طور که بودند به فهرست خود برمی‌گردند.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="117"/>
        <source>You can restore the records you moved to the Trash yourself.</source>
        <translation>پرونده‌هایی را که خودتان به سطل بازیافت برده‌اید می‌توانید بازگردانید.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="120"/>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/trash_dialog.py" line="154"/>
        <source>Moved to Trash on</source>
        <translation>تاریخ انتقال به سطل بازیافت</translation>
    </message>
</context>
<context>
    <name>UpgradeProgress</name>
    <message>
        <location filename="../crm_desktop/ui/upgrade_progress.py" line="31"/>
        <source>This database was made by an older version of the program and is being upgraded.</source>
        <translation>این پایگاه داده با نسخهٔ قدیمی‌تری از برنامه ساخته شده است و در حال به‌روزرسانی است.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/upgrade_progress.py" line="35"/>
        <source>First a copy of it is kept…</source>
        <translation>نخست یک نسخهٔ پشتیبان از آن نگه داشته می‌شود…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/upgrade_progress.py" line="37"/>
        <source>Step {n} of {total}…</source>
        <translation>مرحلهٔ {n} از {total}…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/upgrade_progress.py" line="45"/>
        <source>Upgrading the database</source>
        <translation>به‌روزرسانی پایگاه داده</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../crm_desktop/ui/dialogs/user_dialog.py" line="88"/>
        <source>New user</source>
        <translation>کاربر تازه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/user_dialog.py" line="88"/>
        <source>Edit user</source>
        <translation>ویرایش کاربر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/user_dialog.py" line="90"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/user_dialog.py" line="91"/>
        <source>Username</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/user_dialog.py" line="92"/>
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/user_dialog.py" line="95"/>
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/dialogs/user_dialog.py" line="96"/>
        <source>Password again</source>
        <translation>تکرار گذرواژه</translation>
    </message>
</context>
<context>
    <name>Users</name>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/users_model.py" line="25"/>
        <source>Administrator</source>
        <extracomment>the user&apos;s id on every cell of its row</extracomment>
        <translation>مدیر سیستم</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/users_model.py" line="26"/>
        <source>Manager</source>
        <translation>مدیر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/users_model.py" line="27"/>
        <source>Sales</source>
        <translation>فروش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/users_model.py" line="28"/>
        <source>Reception</source>
        <translation>پذیرش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/users_model.py" line="38"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/users_model.py" line="39"/>
        <source>Username</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/users_model.py" line="40"/>
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/users_model.py" line="41"/>
        <location filename="../crm_desktop/ui/qtmodels/users_model.py" line="70"/>
        <source>Active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/users_model.py" line="42"/>
        <source>Last sign-in</source>
        <translation>آخرین ورود</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/users_model.py" line="69"/>
        <source>Waiting (wrong passwords)</source>
        <translation>در انتظار (گذرواژهٔ نادرست)</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/users_model.py" line="71"/>
        <source>Deactivated</source>
        <translation>غیرفعال</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/users_model.py" line="74"/>
        <source>Never</source>
        <translation>هرگز</translation>
    </message>
</context>
<context>
    <name>UsersSettings</name>
    <message>
        <location filename="../crm_desktop/ui/views/settings_users.py" line="37"/>
        <source>Single-user mode: the program opens without a login, as the administrator</source>
        <extracomment>rows of the users table shown before it scrolls</extracomment>
        <translation>حالت تک‌کاربره: برنامه بدون ورود و با دسترسی مدیر سیستم باز می‌شود</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_users.py" line="41"/>
        <source>To turn it off, give yourself a password first (File, Change my password). Adding users does not turn it off.</source>
        <translation>برای خاموش‌کردن آن، نخست برای خود گذرواژه بگذارید (پرونده، تغییر گذرواژهٔ من). افزودن کاربر آن را خاموش نمی‌کند.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_users.py" line="61"/>
        <source>Add user…</source>
        <translation>افزودن کاربر…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_users.py" line="65"/>
        <source>Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_users.py" line="69"/>
        <location filename="../crm_desktop/ui/views/settings_users.py" line="148"/>
        <source>Deactivate</source>
        <translation>غیرفعال‌کردن</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_users.py" line="72"/>
        <source>Reset password…</source>
        <translation>گذرواژهٔ تازه…</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_users.py" line="80"/>
        <source>What each role may do</source>
        <translation>دسترسی هر نقش</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_users.py" line="85"/>
        <source>The administrator may do everything; managing users, restoring a backup and emptying the Trash belong to administrators only.</source>
        <translation>مدیر سیستم به همه‌چیز دسترسی دارد؛ مدیریت کاربران، بازگردانی پشتیبان و پاک‌کردن همیشگی از سطل زباله فقط کار مدیر سیستم است.</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/views/settings_users.py" line="148"/>
        <source>Activate</source>
        <translation>فعال‌کردن</translation>
    </message>
</context>
<context>
    <name>WarningsModel</name>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/import_preview_model.py" line="155"/>
        <source>Row</source>
        <translation>ردیف</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/import_preview_model.py" line="155"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/import_preview_model.py" line="155"/>
        <source>Similar to</source>
        <translation>مشابه با</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/import_preview_model.py" line="155"/>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/import_preview_model.py" line="156"/>
        <source>Similarity</source>
        <translation>شباهت</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/qtmodels/import_preview_model.py" line="168"/>
        <source>{name} (row {row})</source>
        <translation>{name} (ردیف {row})</translation>
    </message>
</context>
<context>
    <name>WeekCalendar</name>
    <message>
        <location filename="../crm_desktop/ui/widgets/week_calendar.py" line="349"/>
        <source>Monday</source>
        <extracomment>the space between a block&apos;s edge and its text the chip tone (ui/theme/tokens.py chip_*) of each kind of block</extracomment>
        <translation>دوشنبه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/week_calendar.py" line="349"/>
        <source>Tuesday</source>
        <translation>سه‌شنبه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/week_calendar.py" line="349"/>
        <source>Wednesday</source>
        <translation>چهارشنبه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/week_calendar.py" line="350"/>
        <source>Thursday</source>
        <translation>پنجشنبه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/week_calendar.py" line="350"/>
        <source>Friday</source>
        <translation>جمعه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/week_calendar.py" line="350"/>
        <source>Saturday</source>
        <translation>شنبه</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/week_calendar.py" line="350"/>
        <source>Sunday</source>
        <translation>یکشنبه</translation>
    </message>
</context>
<context>
    <name>_CustomRange</name>
    <message>
        <location filename="../crm_desktop/ui/widgets/period_picker.py" line="92"/>
        <source>From</source>
        <extracomment>the choices of the drop-down, in order, and the period each gives today</extracomment>
        <translation>از</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/period_picker.py" line="93"/>
        <source>to</source>
        <translation>تا</translation>
    </message>
    <message>
        <location filename="../crm_desktop/ui/widgets/period_picker.py" line="94"/>
        <source>Apply</source>
        <translation>اعمال</translation>
    </message>
</context>
</TS>

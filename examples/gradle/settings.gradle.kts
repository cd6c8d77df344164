// A user's own project that tests its code with evalgate's JUnit module, built by Gradle (Kotlin DSL).
rootProject.name = "helpdesk-router"
